using Microsoft.ML.OnnxRuntime;
using Sentiment.Core;

namespace Sentiment.Inference.Tests;

public class GraphFeedTests
{
    private static readonly EncodedText[] Batch = [Text(5, 6, 7), Text(), Text(9)];

    private static EncodedText Text(params int[] ids) => new(ids, ids.Length, ids.Length, false);

    private static GraphFeed Feed(FeedInfo? feed, string? lengths = null, int maxLength = 4) => new(new ModelManifest(
        ModelManifest.CurrentFormatVersion, "m", "1", DateTimeOffset.UnixEpoch, ["negative", "positive"],
        new TokenizerSettings(NumWords: 10, MaxLength: maxLength),
        new OnnxInfo("m.onnx", "", InputLengths: feed is null ? "lengths" : lengths, Feed: feed),
        new VocabularyInfo("v.json", "", 9), new ArchitectureInfo(10, 8, 8, 2)));

    // The inputs' values as longs, each read with its own element type, and the inputs disposed.
    private static long[][] Pack(GraphFeed feed, EncodedText[] batch, params Type[] types)
    {
        var inputs = feed.Inputs(batch);
        try
        {
            Assert.Equal(types.Length, inputs.Length);
            return [.. inputs.Select((value, i) => types[i] == typeof(int) ? Values<int>(value)
                : types[i] == typeof(float) ? Values<float>(value) : Values<long>(value))];
        }
        finally
        {
            foreach (var input in inputs)
                input.Dispose();
        }
    }

    private static long[] Values<T>(OrtValue value) where T : unmanaged, IConvertible =>
        [.. value.GetTensorDataAsSpan<T>().ToArray().Select(v => v.ToInt64(null))];

    [Fact]
    public void Inputs_TrainerGraph_PadsAfterToTheLongestTextWithTrueLengths()
    {
        var inputs = Pack(Feed(null), Batch, typeof(long), typeof(int));

        Assert.Equal([5, 6, 7, 0, 0, 0, 9, 0, 0], inputs[0]);
        Assert.Equal([3, 1, 1], inputs[1]);
    }

    [Fact]
    public void Inputs_PrePadding_PutsTheZerosBeforeTheIdsAtTheFixedLength()
    {
        var inputs = Pack(Feed(new FeedInfo("pre")), Batch, typeof(long));

        Assert.Equal([0, 5, 6, 7, 0, 0, 0, 0, 0, 0, 0, 9], inputs[0]);
    }

    [Fact]
    public void Inputs_PostPaddingInt32WithInt64Lengths_UsesThoseTypes()
    {
        var inputs = Pack(Feed(new FeedInfo("post", "int32", LengthsType: "int64"), lengths: "lengths"), Batch, typeof(int), typeof(long));

        Assert.Equal([5, 6, 7, 0, 0, 0, 0, 0, 9, 0, 0, 0], inputs[0]);
        Assert.Equal([3, 1, 1], inputs[1]);
    }

    [Fact]
    public void Inputs_FloatIds_AreTheIdsAsFloats() =>
        Assert.Equal([0, 5, 6, 7], Pack(Feed(new FeedInfo("pre", "float")), [Text(5, 6, 7)], typeof(float))[0]);

    [Theory]
    [InlineData("probabilities", new[] { 0.2f, 0.8f }, new[] { 0.2f, 0.8f })]
    [InlineData("logits", new[] { 0f, 1.0986123f }, new[] { 0.25f, 0.75f })] // ln 3
    [InlineData("sigmoid", new[] { 0.9f }, new[] { 0.1f, 0.9f })]
    [InlineData("logit", new[] { -1.0986123f }, new[] { 0.75f, 0.25f })]
    public void ToProbabilities_EachOutputKind_GivesOneProbabilityPerLabel(string kind, float[] output, float[] expected)
    {
        var probabilities = new float[2];

        Feed(new FeedInfo(OutputKind: kind)).ToProbabilities(output, 1, probabilities);

        Assert.Equal(expected[0], probabilities[0], 1e-6f);
        Assert.Equal(expected[1], probabilities[1], 1e-6f);
    }
}
