using Sentiment.TestKit;

namespace Sentiment.Inference.Tests;

public class BundleWriterTests
{
    [Fact]
    public void Write_ThenLoad_GivesTheSameVocabularyAndHashes()
    {
        using var folder = new TempFolder();

        var written = TinyBundle.Write(folder.Path);
        var loaded = ModelBundle.Load(folder.Path);

        Assert.Equal(written.Onnx.Sha256, loaded.Manifest.Onnx.Sha256);
        Assert.Equal(written.Vocabulary, loaded.Manifest.Vocabulary);
        Assert.Equal(TinyBundle.Words, loaded.Encoder.Vocabulary.Words);
        Assert.Equal(new Sentiment.Core.ArchitectureInfo(51, 8, 8, 2), loaded.Manifest.Architecture);
    }

    [Fact]
    public void Write_EmbeddingRowsDifferentFromVocabulary_ThrowsAndWritesNothing()
    {
        using var folder = new TempFolder();
        var weights = TinyBundle.Weights() with { EmbeddingRows = 50, Embedding = new float[50 * TinyBundle.EmbeddingDim] };

        Assert.Throws<ArgumentException>(() => BundleWriter.Write(folder.Path, TinyBundle.Vocabulary(), weights, TinyBundle.Labels, TinyBundle.Details));
        Assert.Empty(Directory.GetFiles(folder.Path));
    }
}
