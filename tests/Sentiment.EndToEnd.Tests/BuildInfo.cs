using System.Reflection;

namespace Sentiment.EndToEnd.Tests;

/// <summary>Paths recorded by the build (see the project file).</summary>
internal static class BuildInfo
{
    public static string ApiAssembly => Metadata("SentimentApiAssembly");

    /// <summary>Where `dotnet test` writes its TRX files; artifacts such as screenshots go beside them.</summary>
    public static string TestResultsDirectory
    {
        get
        {
            var directory = Metadata("TestResultsDirectory");
            return directory.Length > 0 ? directory : Path.Combine(AppContext.BaseDirectory, "TestResults");
        }
    }

    private static string Metadata(string key) =>
        typeof(BuildInfo).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == key)?.Value ?? "";
}
