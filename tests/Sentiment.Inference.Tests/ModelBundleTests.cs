using System.Text.Json.Nodes;
using Google.Protobuf;
using Sentiment.Inference.Onnx;
using Sentiment.TestKit;

namespace Sentiment.Inference.Tests;

public class ModelBundleTests
{
    [Fact]
    public void Load_TinyBundle_ExposesManifestEncoderAndPaths()
    {
        var bundle = ModelBundle.Load(TinyBundleFiles.Committed);

        Assert.Equal(["negative", "positive"], bundle.Labels);
        Assert.Equal(50, bundle.Encoder.Vocabulary.Words.Count);
        Assert.Equal(20, bundle.Encoder.Settings.MaxLength);
        Assert.True(File.Exists(bundle.OnnxPath));
        Assert.Equal("tiny-sentiment", bundle.Manifest.Name);
        Assert.Equal([1, 2], bundle.Encoder.Encode("Good, GREAT!").Ids);
    }

    [Fact]
    public void Load_MissingFolder_NamesIt()
    {
        string missing = Path.Combine(Path.GetTempPath(), "no-such-bundle-" + Guid.NewGuid().ToString("N"));

        var error = Assert.Throws<ModelBundleException>(() => ModelBundle.Load(missing));

        Assert.Equal(missing, error.File);
    }

    [Theory]
    [InlineData("model.json")]
    [InlineData("vocab.json")]
    [InlineData("sentiment.onnx")]
    public void Load_MissingFile_NamesIt(string file)
    {
        using var bundle = TinyBundleFiles.Copy();
        File.Delete(bundle.File(file));

        AssertRefused(bundle, file, "missing");
    }

    [Theory]
    [InlineData("vocab.json")]
    [InlineData("sentiment.onnx")]
    public void Load_FileChangedAfterExport_FailsTheHashCheck(string file)
    {
        using var bundle = TinyBundleFiles.Copy();
        File.AppendAllText(bundle.File(file), " ");

        AssertRefused(bundle, file, "SHA-256");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Load_CorruptOnnx_IsRefused(bool truncate)
    {
        using var bundle = TinyBundleFiles.Copy();
        byte[] onnx = File.ReadAllBytes(bundle.File("sentiment.onnx"));
        bundle.Replace("sentiment.onnx", truncate ? onnx[..(onnx.Length / 2)] : "this is not an ONNX model"u8.ToArray(), "onnx");

        AssertRefused(bundle, "sentiment.onnx", "ONNX");
    }

    [Fact]
    public void Load_OnnxModelWithoutGraph_IsRefused()
    {
        using var bundle = TinyBundleFiles.Copy();
        var model = ModelProto.Parser.ParseFrom(File.ReadAllBytes(bundle.File("sentiment.onnx")));
        model.Graph = null;
        bundle.Replace("sentiment.onnx", model.ToByteArray(), "onnx");

        AssertRefused(bundle, "sentiment.onnx", "no ONNX graph");
    }

    [Fact]
    public void Load_EmbeddingWidthDisagreesWithManifest_IsRefused()
    {
        using var bundle = TinyBundleFiles.Copy();
        bundle.EditManifest(m => m["architecture"]!["embeddingDim"] = 16);

        AssertRefused(bundle, "sentiment.onnx", "embedding is 8 wide but model.json says architecture.embeddingDim is 16");
    }

    [Fact]
    public void Load_VocabularySmallerThanEmbedding_IsRefused()
    {
        using var bundle = TinyBundleFiles.Copy();
        var words = JsonNode.Parse(File.ReadAllText(bundle.File("vocab.json")))!.AsArray();
        words.RemoveAt(words.Count - 1);
        bundle.Replace("vocab.json", System.Text.Encoding.UTF8.GetBytes(words.ToJsonString()), "vocabulary");
        ClaimOneWordFewer(bundle);

        AssertRefused(bundle, "sentiment.onnx", "embedding has 51 rows but the vocabulary needs 50");
    }

    [Fact]
    public void Load_VocabularySizeDisagreesWithManifest_NamesTheVocabulary()
    {
        using var bundle = TinyBundleFiles.Copy();
        ClaimOneWordFewer(bundle);

        AssertRefused(bundle, "vocab.json", "50 words");
    }

    [Fact]
    public void Load_MoreLabelsThanOutputs_IsRefused()
    {
        using var bundle = TinyBundleFiles.Copy();
        bundle.EditManifest(m =>
        {
            m["labels"] = new JsonArray("negative", "neutral", "positive");
            m["architecture"]!["classes"] = 3;
        });

        AssertRefused(bundle, "sentiment.onnx", "2 classes but model.json lists 3 labels");
    }

    [Fact]
    public void Load_SwappedLabels_NamesTheManifest()
    {
        using var bundle = TinyBundleFiles.Copy();
        bundle.EditManifest(m => m["labels"] = new JsonArray("positive", "negative"));

        AssertRefused(bundle, "model.json", "differ from the ONNX graph's [\"negative\",\"positive\"]");
    }

    [Fact]
    public void Load_RelabelledGraphAndManifest_Loads()
    {
        using var bundle = TinyBundleFiles.Copy();
        bundle.Relabel("bad", "good");

        Assert.Equal(["bad", "good"], ModelBundle.Load(bundle.Path).Labels);
    }

    [Fact]
    public void Load_LabelsDisagreeWithClasses_NamesTheManifest()
    {
        using var bundle = TinyBundleFiles.Copy();
        bundle.EditManifest(m => m["labels"] = new JsonArray("negative", "neutral", "positive"));

        AssertRefused(bundle, "model.json", "classes");
    }

    [Theory]
    [InlineData("inputIds", "ids", "has no input 'ids'")]
    [InlineData("output", "scores", "has no output 'scores'")]
    [InlineData("file", "../sentiment.onnx", "plain file name")]
    public void Load_ManifestNamesWhatTheGraphLacks_IsRefused(string field, string value, string reason)
    {
        using var bundle = TinyBundleFiles.Copy();
        bundle.EditManifest(m => m["onnx"]![field] = value);

        AssertRefused(bundle, field == "file" ? "model.json" : "sentiment.onnx", reason);
    }

    [Fact]
    public void Load_ManifestIsNotJson_NamesIt()
    {
        using var bundle = TinyBundleFiles.Copy();
        File.WriteAllText(bundle.File("model.json"), "{ not json");

        AssertRefused(bundle, "model.json", "not a valid manifest");
    }

    private static void ClaimOneWordFewer(TinyBundleFiles bundle) => bundle.EditManifest(m =>
    {
        m["vocabulary"]!["size"] = 49;
        m["architecture"]!["embeddingRows"] = 50;
    });

    private static void AssertRefused(TinyBundleFiles bundle, string file, string reason)
    {
        var error = Assert.Throws<ModelBundleException>(() => ModelBundle.Load(bundle.Path));
        Assert.Equal(bundle.File(file), error.File);
        Assert.StartsWith(bundle.File(file) + ": ", error.Message);
        Assert.Contains(reason, error.Message);
    }
}
