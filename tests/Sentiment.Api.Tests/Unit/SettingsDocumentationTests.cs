using System.Reflection;
using Sentiment.Api.Configuration;

namespace Sentiment.Api.Tests.Unit;

/// <summary>Every settings class's properties are rows of the README's settings table, with their environment variable.</summary>
public sealed class SettingsDocumentationTests
{
    public static TheoryData<Type, string> Sections => new()
    {
        { typeof(ApiOptions), ApiOptions.Section },
        { typeof(ModelOptions), ModelOptions.Section },
        { typeof(BatchingOptions), BatchingOptions.Section },
        { typeof(AuthOptions), AuthOptions.Section },
        { typeof(RateLimitOptions), RateLimitOptions.Section },
        { typeof(CrossOriginOptions), CrossOriginOptions.Section },
        { typeof(ShutdownOptions), ShutdownOptions.Section },
        { typeof(ConnectionOptions), ConnectionOptions.Section },
        { typeof(AdminOptions), AdminOptions.Section },
        { typeof(SentenceOptions), SentenceOptions.Section },
        { typeof(DemoOptions), DemoOptions.Section },
        { typeof(CompressionOptions), CompressionOptions.Section },
    };

    [Theory]
    [MemberData(nameof(Sections))]
    public void EverySetting_IsInTheReadmeTable_WithItsEnvironmentVariable(Type options, string section)
    {
        string readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md"));

        foreach (var (setting, variable) in Settings(options, section, section))
        {
            Assert.Contains($"| `{setting}` | `{variable}` |", readme);
        }
    }

    /// <summary>A list of objects is documented per entry (<c>Auth:ApiKeys:&lt;n&gt;:Name</c>, <c>Auth__ApiKeys__0__Name</c>).</summary>
    private static IEnumerable<(string Setting, string Variable)> Settings(Type options, string setting, string variable)
    {
        foreach (var property in options.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            var type = property.PropertyType;
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>))
            {
                var item = type.GetGenericArguments()[0];
                string listSetting = $"{setting}:{property.Name}:<n>", listVariable = $"{variable}__{property.Name}__0";
                if (item == typeof(string))
                    yield return (listSetting, listVariable);
                else
                    foreach (var entry in Settings(item, listSetting, listVariable))
                        yield return entry;
            }
            else
                yield return ($"{setting}:{property.Name}", $"{variable}__{property.Name}");
        }
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "README.md")))
            folder = folder.Parent;
        return folder?.FullName ?? throw new DirectoryNotFoundException("No README.md above " + AppContext.BaseDirectory);
    }
}
