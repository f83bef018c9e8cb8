using Google.Protobuf;
using Sentiment.Core;
using Sentiment.Inference.Onnx;
using Sentiment.TestKit;

namespace Sentiment.Inference.Tests;

public sealed class SentimentScorerTests : IDisposable
{
    private readonly ModelBundle _bundle = ModelBundle.Load(TinyBundleFiles.Committed);
    private readonly SentimentScorer _scorer;

    public SentimentScorerTests() => _scorer = new SentimentScorer(_bundle);

    public void Dispose() => _scorer.Dispose();

    [Theory]
    [InlineData("What a great movie, I loved it!", "positive")]
    [InlineData("Terrible acting and a boring, stupid plot.", "negative")]
    public void Predict_TinyModel_LeansWithTheWords(string text, string label)
    {
        var prediction = _scorer.Predict(text);

        Assert.Equal(label, prediction.Label);
        Assert.Equal(label, _bundle.Labels[prediction.LabelIndex]);
        Assert.Equal(prediction.Probabilities.Max(), prediction.Confidence);
        Assert.Equal(prediction.Confidence, prediction.Probabilities[prediction.LabelIndex]);
        Assert.Equal(1f, prediction.Probabilities.Sum(), 1e-5f);
    }

    [Fact]
    public void Score_MatchesPlainForwardPassOfTheTorchLayoutWeights()
    {
        var weights = TinyBundle.Weights();
        int[][] texts = [[1], [13, 28], [1, 2, 3, 40, 41, 42, 13], [.. Enumerable.Range(1, 20)]];
        var encoded = texts.Select(ids => new EncodedText(ids, ids.Length, ids.Length, false)).ToArray();
        var probabilities = new float[texts.Length * 2];

        _scorer.Score(encoded, probabilities);

        for (int row = 0; row < texts.Length; row++)
        {
            var expected = ReferenceModel.Probabilities(weights, texts[row]);
            Assert.Equal(expected[0], probabilities[row * 2], 1e-5f);
            Assert.Equal(expected[1], probabilities[row * 2 + 1], 1e-5f);
        }
    }

    [Fact]
    public void Score_EveryTextScoresTheSameAloneAndInAMixedBatch()
    {
        var random = new Random(5);
        int maxLength = _bundle.Manifest.Tokenizer.MaxLength;
        var batch = Enumerable.Range(1, maxLength)
            .Select(length => Enumerable.Range(0, length).Select(_ => random.Next(1, _bundle.Encoder.Vocabulary.EmbeddingRows)).ToArray())
            .Append([])
            .OrderBy(_ => random.Next())
            .Select(ids => new EncodedText(ids, ids.Length, ids.Length, false))
            .ToArray();
        var together = new float[batch.Length * 2];
        _scorer.Score(batch, together);

        float worst = 0;
        var alone = new float[2];
        for (int row = 0; row < batch.Length; row++)
        {
            _scorer.Score([batch[row]], alone);
            worst = Math.Max(worst, Math.Max(Math.Abs(alone[0] - together[row * 2]), Math.Abs(alone[1] - together[row * 2 + 1])));
        }
        Assert.True(worst <= 1e-5f, $"max |Δp| = {worst}");
    }

    [Theory]
    [InlineData("")]
    [InlineData("zebra quantum xylophone")]
    [InlineData("!!! ???")]
    public void Predict_TextWithNoKnownWord_ScoresAsOnePaddingToken(string text)
    {
        var prediction = _scorer.Predict(text);
        var padding = new float[2];
        _scorer.Score([new EncodedText([0], 0, 0, false)], padding);

        Assert.Equal(0, prediction.KnownTokens);
        Assert.Equal(padding, prediction.Probabilities);
        Assert.Equal(ReferenceModel.Probabilities(TinyBundle.Weights(), [0]), prediction.Probabilities, (a, b) => Math.Abs(a - b) < 1e-5f);
    }

    [Fact]
    public void Predict_ManyTexts_MatchesOneByOneAcrossBatchChunks()
    {
        string[] texts = [.. Enumerable.Range(0, 150).Select(i => string.Join(' ', TinyBundle.Words.Skip(i % 40).Take(1 + i % 25)))];
        using var scorer = new SentimentScorer(_bundle, new ScorerOptions { MaxBatchSize = 32 });

        var together = scorer.Predict(texts);

        Assert.Equal(150, together.Length);
        for (int i = 0; i < texts.Length; i += 7)
            Assert.Equal(_scorer.Predict(texts[i]).Probabilities, together[i].Probabilities, (a, b) => Math.Abs(a - b) <= 1e-5f);
    }

    [Fact]
    public void Predict_LongText_ReportsTruncationAndTokenCounts()
    {
        var prediction = _scorer.Predict(string.Join(' ', Enumerable.Repeat("good movie zebra", 10)));

        Assert.Equal(30, prediction.TotalTokens);
        Assert.Equal(20, prediction.KnownTokens);
        Assert.False(prediction.Truncated);
        Assert.True(_scorer.Predict(string.Join(' ', Enumerable.Repeat("good movie", 11))).Truncated);
    }

    [Fact]
    public async Task Predict_FromManyThreads_GivesTheSameAnswers()
    {
        var expected = _scorer.Predict("great film but boring ending").Probabilities;

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
            Enumerable.Range(0, 50).Select(_ => _scorer.Predict("great film but boring ending").Probabilities).ToList())));

        Assert.All(results.SelectMany(r => r), p => Assert.Equal(expected, p));
    }

    [Fact]
    public void WarmUpText_HasTheBundlesMaximumLength()
    {
        var text = SentimentScorer.WarmUpText(_bundle);

        Assert.Equal(_bundle.Manifest.Tokenizer.MaxLength, text.Ids.Length);
    }

    [Fact]
    public void Constructor_GraphThatCannotScoreTheLongestText_IsRefusedAtWarmUp()
    {
        using var copy = TinyBundleFiles.Copy();
        var model = ModelProto.Parser.ParseFrom(File.ReadAllBytes(copy.File(BundleWriter.OnnxFile)));
        var seq = model.Graph.Input.Single(i => i.Name == LstmGraph.InputIds).Type.TensorType.Shape.Dim[1];
        seq.DimValue = 1; // takes one-word texts only, so only a warm-up at the maximum length fails
        copy.Replace(BundleWriter.OnnxFile, model.ToByteArray(), "onnx");
        var bundle = ModelBundle.Load(copy.Path);

        var error = Assert.Throws<ModelBundleException>(() => new SentimentScorer(bundle));

        Assert.Equal(bundle.OnnxPath, error.File);
        Assert.Contains("ONNX Runtime cannot use the model", error.Message);
    }

    [Fact]
    public void Session_RunsTheGraphThatWasChecked_NotAFileReplacedAfterTheCheck()
    {
        using var files = TinyBundleFiles.Copy();
        var bundle = ModelBundle.Load(files.Path);
        float expected = _scorer.Predict("a great movie").Confidence;
        // Another graph with the same inputs, written over the checked one between load and session.
        var other = ModelProto.Parser.ParseFrom(File.ReadAllBytes(files.File("sentiment.onnx")));
        other.Graph.Initializer[0].RawData = ByteString.CopyFrom(new byte[other.Graph.Initializer[0].RawData.Length]);
        File.WriteAllBytes(files.File("sentiment.onnx"), other.ToByteArray());

        using (var first = new SentimentScorer(bundle))
            Assert.Equal(expected, first.Predict("a great movie").Confidence);
        // The checked bytes are handed over once; a second session reads the file again and checks it again.
        var error = Assert.Throws<ModelBundleException>(() => new SentimentScorer(bundle));
        Assert.Contains("SHA-256", error.Message);
    }
}
