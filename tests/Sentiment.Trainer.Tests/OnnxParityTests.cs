using Sentiment.Core;
using Sentiment.Inference;
using Sentiment.Trainer.Data;
using Sentiment.TestKit;
using Sentiment.Trainer.Model;
using Sentiment.Trainer.Training;
using static TorchSharp.torch;

namespace Sentiment.Trainer.Tests;

/// <summary>
/// The exported ONNX graph of each model variant, run by the API's scorer, gives TorchSharp's
/// probabilities, and a text scores the same alone, padded beside a longer one, or in a batch.
/// </summary>
public abstract class OnnxParityTests : IDisposable
{
    private const double Tolerance = 1e-5;
    private static readonly string[] Labels = ["negative", "neutral", "positive"];
    private readonly TempFolder _folder = new();
    private readonly SentimentModel _model;
    private readonly SentimentScorer _scorer;

    protected OnnxParityTests(bool bidirectional, StatePooling pooling)
    {
        var settings = new TokenizerSettings(NumWords: 60, MaxLength: 12);
        var texts = File.ReadLines(TrainerCli.TestData("tiny-train.csv")).Skip(1);
        var vocabulary = Vocabulary.Fit(texts, settings);
        manual_seed(11);
        var shape = new ModelShape(vocabulary.EmbeddingRows, 8, 8, Labels.Length, bidirectional, pooling);
        // Feature dropout is on, so the parity also shows it is off outside training.
        _model = new SentimentModel(shape, dropout: 0.4, featureDropout: 0.5);
        using (no_grad())
        {
            // Weights far from initialisation, so every input, padding included, gives uneven probabilities.
            foreach (var (name, parameter) in _model.named_parameters())
            {
                nn.init.uniform_(parameter, -1, 1);
                if (name.Contains("embedding"))
                    parameter[0].zero_(); // the padding row stays zero, as in training
            }
        }
        BundleWriter.Write(_folder.Path, vocabulary, _model.ExportWeights(), Labels, new BundleDetails(Name: "parity", Version: "0.0.0-test"));
        _scorer = new SentimentScorer(ModelBundle.Load(_folder.Path));
    }

    public void Dispose()
    {
        _scorer.Dispose();
        _model.Dispose();
        _folder.Dispose();
    }

    private int MaxLength => _scorer.Bundle.Manifest.Tokenizer.MaxLength;
    private int Rows => _scorer.Bundle.Manifest.Architecture.EmbeddingRows;

    [Fact]
    public void RandomIds_MatchWithinTolerance()
    {
        var random = new Random(5);
        int[][] ids = [.. Enumerable.Range(0, 40).Select(_ =>
            Enumerable.Range(0, random.Next(1, MaxLength + 1)).Select(_ => random.Next(1, Rows)).ToArray())];

        AssertSameAsOnnx(ids);
    }

    [Fact]
    public void OneBatchWithEveryLengthFromOneToMaxLength_MatchesWithinTolerance()
    {
        var random = new Random(6);
        int[][] ids = [.. Enumerable.Range(1, MaxLength).Select(length =>
            Enumerable.Range(0, length).Select(_ => random.Next(1, Rows)).ToArray())];

        AssertSameAsOnnx(ids);
    }

    [Theory]
    [InlineData("a great and beautiful film", "real text")]
    [InlineData("\"Hated\" it: the WORST, most boring cast -- and a dull, stupid ending; a waste of time.", "long real text, truncated")]
    [InlineData("great", "one known token")]
    [InlineData("zzz qqq xyzzy", "no known word")]
    [InlineData("", "empty text")]
    public void Texts_ThroughServingPath_MatchTorchSharp(string text, string because)
    {
        // The trainer's own encoding, so a change to its rule for a text with no known word shows here.
        var rows = new LabeledRows([new LabeledRow(text, Labels[0], "test", 1)], Skipped: 0);
        var split = TextEncoding.Encode(rows, _scorer.Bundle.Encoder, Labels);

        float[] torch = TorchScoring.Evaluate(_model, split, batchSize: 1).Probabilities;
        float[] onnx = _scorer.Predict(text).Probabilities;

        AssertClose(torch, onnx, because);
    }

    [Fact]
    public void TextWithNoKnownWord_ScoresAsOnePaddingToken()
    {
        Assert.Empty(_scorer.Bundle.Encoder.Encode("zzz qqq").Ids);

        AssertClose(_scorer.Predict("zzz qqq").Probabilities, _scorer.Predict("").Probabilities, "both are ids [0], length 1");
        AssertClose(TorchProbabilities([[0]]), _scorer.Predict("zzz qqq").Probabilities, "padding token");
        AssertClose(TorchProbabilities([[0]]), TorchProbabilities([[]]), "a batch row without ids is packed as the padding token");
    }

    [Fact]
    public void EveryRow_ScoresTheSameAlonePaddedAndBatched()
    {
        var random = new Random(7);
        int[][] ids = [.. new[] { 1, MaxLength, 3, 1, 7, MaxLength - 1, 2 }.Select(length =>
            Enumerable.Range(0, length).Select(_ => random.Next(1, Rows)).ToArray())];
        int[] longest = [.. Enumerable.Range(0, MaxLength).Select(_ => random.Next(1, Rows))];
        float[] batched = OnnxProbabilities(ids), torchBatched = TorchProbabilities(ids);

        for (int row = 0; row < ids.Length; row++)
        {
            float[] alone = OnnxProbabilities([ids[row]]);
            float[] padded = OnnxProbabilities([ids[row], longest])[..Labels.Length]; // padded to MaxLength
            string because = $"row {row} of length {ids[row].Length}";
            AssertClose(alone, batched.AsSpan(row * Labels.Length, Labels.Length).ToArray(), $"{because}, batched");
            AssertClose(alone, padded, $"{because}, padded");
            AssertClose(TorchProbabilities([ids[row]]), torchBatched.AsSpan(row * Labels.Length, Labels.Length).ToArray(), $"{because}, TorchSharp batched");
        }
    }

    [Fact]
    public void Manifest_RecordsTheVariant()
    {
        var architecture = _scorer.Bundle.Manifest.Architecture;

        Assert.Equal((_model.Shape.Bidirectional, _model.Shape.Pooling), (architecture.Bidirectional, architecture.Pooling));
    }

    private void AssertSameAsOnnx(int[][] ids) => AssertClose(TorchProbabilities(ids), OnnxProbabilities(ids), $"{ids.Length} rows");

    private float[] OnnxProbabilities(int[][] ids)
    {
        var batch = ids.Select(row => new EncodedText(row, row.Length, row.Length, false)).ToArray();
        var onnx = new float[ids.Length * Labels.Length];
        _scorer.Score(batch, onnx); // one ONNX Runtime call for the whole batch
        return onnx;
    }

    private float[] TorchProbabilities(int[][] ids) =>
        TorchScoring.Evaluate(_model, new EncodedSplit(ids, new int[ids.Length]), batchSize: ids.Length).Probabilities;

    private static void AssertClose(float[] expected, float[] actual, string because)
    {
        Assert.Equal(expected.Length, actual.Length);
        double worst = expected.Zip(actual, (e, a) => Math.Abs(e - a)).Max();
        Assert.True(worst <= Tolerance, $"{because}: max |Δp| {worst:E2} > {Tolerance:E0}");
        Assert.True(expected.Max() - expected.Min() > 0.01, $"{because}: probabilities too uniform to prove anything: {string.Join(", ", expected)}");
    }
}

[Collection(TorchCollection.Name)]
public sealed class LastStateParityTests() : OnnxParityTests(bidirectional: false, StatePooling.Last);

[Collection(TorchCollection.Name)]
public sealed class PooledParityTests() : OnnxParityTests(bidirectional: false, StatePooling.LastMaxMean);

[Collection(TorchCollection.Name)]
public sealed class BidirectionalParityTests() : OnnxParityTests(bidirectional: true, StatePooling.Last);

[Collection(TorchCollection.Name)]
public sealed class BidirectionalPooledParityTests() : OnnxParityTests(bidirectional: true, StatePooling.LastMaxMean);
