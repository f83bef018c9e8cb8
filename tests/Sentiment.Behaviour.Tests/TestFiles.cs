namespace Sentiment.Behaviour.Tests;

internal static class TestFiles
{
    /// <summary>The committed suite, copied beside the runner and from there into this output folder.</summary>
    public static string Suite => Path.Combine(AppContext.BaseDirectory, "suite.json");

    public static string TinyBundle => Path.Combine(AppContext.BaseDirectory, "TestData", "tiny-bundle");
}

/// <summary>A fresh folder under the temp path, deleted on dispose.</summary>
internal sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("behaviour-tests-").FullName;

    public string Write(string name, string content)
    {
        string path = System.IO.Path.Combine(Path, name);
        File.WriteAllText(path, content);
        return path;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
