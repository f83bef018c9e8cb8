using System.Text.Json.Nodes;
using Google.Protobuf;
using Sentiment.Core;
using Sentiment.Inference.Onnx;
using Sentiment.TestKit;

namespace Sentiment.Inference.Tests;

/// <summary>
/// Models trained and exported by PyTorch (TestData/foreign) are imported and answer as PyTorch did,
/// alone and in batches.
/// </summary>
public sealed class ForeignImportTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    public static TheoryData<string> Fixtures => ["keras-layout", "post-logits", "chars-sigmoid"];

    private static ForeignFixture Fixture(string name) =>
        new[] { ForeignFixture.KerasLayout, ForeignFixture.PostLogits, ForeignFixture.CharsSigmoid }.Single(f => f.Name == name);

    private string Import(ForeignFixture fixture, string? padding = null, int? maxLength = null, string? outputKind = null,
        IReadOnlyList<string>? labels = null, string? onnx = null)
    {
        string folder = _folder.File(Guid.NewGuid().ToString("N"));
        ForeignImport.Write(folder, new ForeignModel(onnx ?? fixture.Onnx, fixture.Tokenizer, maxLength ?? fixture.MaxLength,
            padding ?? fixture.Padding, fixture.Truncating, labels ?? ForeignFixture.Labels, outputKind), new BundleDetails("imported", "1.0.0"));
        return folder;
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Predict_AloneAndInBatches_MatchesPyTorch(string name)
    {
        var fixture = Fixture(name);
        var (texts, expected) = fixture.Expected();
        var bundle = ModelBundle.Load(Import(fixture));
        using var batched = new SentimentScorer(bundle, new ScorerOptions { MaxBatchSize = 5 });

        var inBatches = batched.Predict(texts);
        var alone = texts.Select(t => batched.Predict(t)).ToArray();

        for (int i = 0; i < texts.Length; i++)
        {
            for (int label = 0; label < 2; label++)
            {
                Assert.True(Math.Abs(expected[i][label] - inBatches[i].Probabilities[label]) <= 1e-5,
                    $"text {i}, label {label}: PyTorch {expected[i][label]}, batched {inBatches[i].Probabilities[label]}");
                Assert.True(Math.Abs(expected[i][label] - alone[i].Probabilities[label]) <= 1e-5,
                    $"text {i}, label {label}: PyTorch {expected[i][label]}, alone {alone[i].Probabilities[label]}");
            }
        }
    }

    [Fact]
    public void Predict_PaddedOnTheOtherSide_DoesNotMatchPyTorch()
    {
        var (texts, expected) = ForeignFixture.KerasLayout.Expected();
        using var scorer = new SentimentScorer(ModelBundle.Load(Import(ForeignFixture.KerasLayout, padding: "post")));

        var predictions = scorer.Predict(texts);

        Assert.Contains(Enumerable.Range(0, texts.Length), i => Math.Abs(expected[i][1] - predictions[i].Probabilities[1]) > 0.01);
    }

    [Fact]
    public void Write_KerasLayout_DescribesTheFeedAndKeepsTheWeights()
    {
        string folder = Import(ForeignFixture.KerasLayout);

        var manifest = ModelManifest.Load(Path.Combine(folder, ModelManifest.FileName));
        Assert.Equal(new FeedInfo("pre", "int64", "probabilities"), manifest.Onnx.Feed);
        Assert.Null(manifest.Onnx.InputLengths);
        Assert.Equal(("input_ids", "probabilities", 14), (manifest.Onnx.InputIds, manifest.Onnx.Output, manifest.Onnx.Opset));
        Assert.Equal((100, "<OOV>", 30), (manifest.Tokenizer.MaxLength, manifest.Tokenizer.OovToken, manifest.Tokenizer.NumWords));
        Assert.Equal(29, manifest.Vocabulary.Size);
        Assert.Equal(8, manifest.Architecture.EmbeddingDim);
        var original = ModelProto.Parser.ParseFrom(File.ReadAllBytes(ForeignFixture.KerasLayout.Onnx));
        var copy = ModelProto.Parser.ParseFrom(File.ReadAllBytes(Path.Combine(folder, BundleWriter.OnnxFile)));
        Assert.Equal(original.Graph, copy.Graph);
        Assert.Equal("[\"negative\",\"positive\"]", copy.MetadataProps.Single(p => p.Key == "labels").Value);
    }

    [Fact]
    public void Explain_CharacterModel_LeavesOutOneCharacterAtItsSpan()
    {
        const string text = "太无聊了，浪费时间😀";
        using var scorer = new SentimentScorer(ModelBundle.Load(Import(ForeignFixture.CharsSigmoid)));

        var explanation = new OcclusionExplainer(scorer).Explain([text])[0];

        var words = explanation.Words.Words;
        Assert.Equal(text.EnumerateRunes().Select(r => r.ToString()), words.Select(w => text.Substring(w.Word.Offset, w.Word.Length)));
        Assert.Contains(explanation.Without, without => without is not null);
        for (int k = 0; k < words.Count; k++)
        {
            if (explanation.Without[k] is { } without)
                Assert.Equal(scorer.Predict(text.Remove(words[k].Word.Offset, words[k].Word.Length)).Probabilities, without, new FloatTolerance(1e-6f));
        }
    }

    [Fact]
    public void Write_CharacterTokenizer_KeepsCharLevel() =>
        Assert.True(ModelManifest.Load(Path.Combine(Import(ForeignFixture.CharsSigmoid), ModelManifest.FileName)).Tokenizer.CharLevel);

    [Theory]
    [InlineData(50, null, null, "takes 100 ids per row but the length given is 50")]
    [InlineData(null, "logits", null, "holds probabilities (read from the graph's last node), not logits")]
    [InlineData(null, null, "negative,neutral,positive", "has 2 columns but 3 labels were given")]
    public void Write_GraphThatCannotBeServedSo_IsRefusedNamingTheFile(int? maxLength, string? outputKind, string? labels, string expected)
    {
        var e = Assert.Throws<ModelBundleException>(() => Import(ForeignFixture.KerasLayout, maxLength: maxLength,
            outputKind: outputKind, labels: labels?.Split(',')));

        Assert.Equal(ForeignFixture.KerasLayout.Onnx, e.File);
        Assert.Contains(expected, e.Reason);
    }

    [Fact]
    public void Write_OutputOfAnUnknownOp_NeedsTheKindStated()
    {
        string onnx = Edited(ForeignFixture.KerasLayout, graph => graph.Node[^1].OpType = "Relu");

        var e = Assert.Throws<ModelBundleException>(() => Import(ForeignFixture.KerasLayout, onnx: onnx));
        Assert.Contains("made by Relu); state it with --output-kind", e.Reason);
        Assert.True(ModelBundle.Load(Import(ForeignFixture.KerasLayout, onnx: onnx, outputKind: "probabilities")).Manifest.Onnx.Feed is not null);
    }

    [Fact]
    public void Write_LengthsInput_NeedsPostPaddingAndIsFed()
    {
        // An extra int64 [batch] input the graph ignores, so the answers stay PyTorch's.
        string onnx = Edited(ForeignFixture.KerasLayout, graph => graph.Input.Add(new ValueInfoProto
        {
            Name = "lengths",
            Type = new TypeProto
            {
                TensorType = new()
                {
                    ElemType = (int)TensorProto.Types.DataType.Int64,
                    Shape = new() { Dim = { new TensorShapeProto.Types.Dimension { DimParam = "batch" } } },
                },
            },
        }));

        Assert.Contains("use post padding", Assert.Throws<ModelBundleException>(() => Import(ForeignFixture.KerasLayout, onnx: onnx)).Reason);
        var bundle = ModelBundle.Load(Import(ForeignFixture.KerasLayout, onnx: onnx, padding: "post"));
        Assert.Equal(("lengths", "int64"), (bundle.Manifest.Onnx.InputLengths, bundle.Manifest.Onnx.Feed!.LengthsType));
        using var scorer = new SentimentScorer(bundle);
        Assert.Equal(2, scorer.Predict(["great film", ""]).Length);
    }

    [Fact]
    public void Write_FixedBatchSize_IsRefused()
    {
        string onnx = Edited(ForeignFixture.KerasLayout, graph => graph.Input[0].Type.TensorType.Shape.Dim[0] = new() { DimValue = 1 });

        Assert.Contains("fixed batch size of 1", Assert.Throws<ModelBundleException>(() => Import(ForeignFixture.KerasLayout, onnx: onnx)).Reason);
    }

    [Fact]
    public void Write_EmbeddingSmallerThanTheTokenizerNeeds_IsRefused()
    {
        // The tokenizer gives ids up to 29; keep 10 rows of the embedding.
        string onnx = Edited(ForeignFixture.KerasLayout, graph =>
        {
            var embedding = graph.Initializer.Single(t => t.Name == "embedding.weight");
            embedding.Dims[0] = 10;
            embedding.RawData = ByteString.CopyFrom(embedding.RawData.Span[..(10 * 8 * sizeof(float))]);
        });

        Assert.Contains("embedding has 10 rows but the tokenizer gives ids up to 29",
            Assert.Throws<ModelBundleException>(() => Import(ForeignFixture.KerasLayout, onnx: onnx)).Reason);
    }

    [Fact]
    public void Load_ManifestFeedEditedToAnotherIdType_IsRefused()
    {
        string folder = Import(ForeignFixture.KerasLayout);
        string path = Path.Combine(folder, ModelManifest.FileName);
        var manifest = JsonNode.Parse(File.ReadAllText(path))!;
        manifest["onnx"]!["feed"]!["idsType"] = "int32";
        File.WriteAllText(path, manifest.ToJsonString());

        Assert.Contains("ids of type int64", Assert.Throws<ModelBundleException>(() => ModelBundle.Load(folder)).Reason);
    }

    private string Edited(ForeignFixture fixture, Action<GraphProto> edit)
    {
        var model = ModelProto.Parser.ParseFrom(File.ReadAllBytes(fixture.Onnx));
        edit(model.Graph);
        string path = _folder.File(Guid.NewGuid().ToString("N") + ".onnx");
        File.WriteAllBytes(path, model.ToByteArray());
        return path;
    }
}
