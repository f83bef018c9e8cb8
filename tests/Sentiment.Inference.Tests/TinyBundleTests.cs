using System.Reflection;

namespace Sentiment.Inference.Tests;

public class TinyBundleTests
{
    internal static string CommittedDirectory => Path.Combine(AppContext.BaseDirectory, "TestData", "tiny-bundle");

    internal static readonly string[] Files = [BundleWriter.OnnxFile, BundleWriter.VocabularyFile, "model.json"];

    [Fact]
    public void CommittedTinyBundle_IsWhatTheGeneratorWrites()
    {
        // SENTIMENT_WRITE_TINY_BUNDLE=1 rewrites the committed files (after a deliberate change to TinyBundle.cs).
        if (Environment.GetEnvironmentVariable("SENTIMENT_WRITE_TINY_BUNDLE") == "1")
            TinyBundle.Write(SourceDirectory());

        using var generated = new TempDirectory();
        TinyBundle.Write(generated.Path);

        foreach (string file in Files)
        {
            Assert.True(File.ReadAllBytes(Path.Combine(CommittedDirectory, file))
                    .AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(generated.Path, file))),
                $"{file} differs from what TinyBundle.cs generates; run the tests with SENTIMENT_WRITE_TINY_BUNDLE=1 to rewrite it.");
        }
    }

    private static string SourceDirectory() =>
        typeof(TinyBundleTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "TinyBundleSource").Value!;
}

/// <summary>A fresh folder under the temp path, deleted on dispose.</summary>
internal sealed class TempDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("sentiment-tests-").FullName;

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
