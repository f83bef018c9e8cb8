using System.Reflection;
using Sentiment.TestKit;

namespace Sentiment.Inference.Tests;

public class TinyBundleTests
{
    internal static readonly string[] Files = [BundleWriter.OnnxFile, BundleWriter.VocabularyFile, "model.json"];

    [Fact]
    public void CommittedTinyBundle_IsWhatTheGeneratorWrites()
    {
        // SENTIMENT_WRITE_TINY_BUNDLE=1 rewrites the committed files (after a deliberate change to TinyBundle.cs).
        if (Environment.GetEnvironmentVariable("SENTIMENT_WRITE_TINY_BUNDLE") == "1")
            TinyBundle.Write(SourceDirectory());

        using var generated = new TempFolder();
        TinyBundle.Write(generated.Path);

        foreach (string file in Files)
        {
            Assert.True(File.ReadAllBytes(Path.Combine(TinyBundleFiles.Committed, file))
                    .AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(generated.Path, file))),
                $"{file} differs from what TinyBundle.cs generates; run the tests with SENTIMENT_WRITE_TINY_BUNDLE=1 to rewrite it.");
        }
    }

    private static string SourceDirectory() =>
        typeof(TinyBundleTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "TinyBundleSource").Value!;
}
