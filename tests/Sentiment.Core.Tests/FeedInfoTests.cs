using Sentiment.Core;

namespace Sentiment.Core.Tests;

public class FeedInfoTests
{
    private static ModelManifest Foreign(FeedInfo? feed, string? lengths = null, string[]? labels = null)
    {
        var sample = ModelManifestTests.Sample();
        labels ??= ["negative", "positive"];
        return sample with
        {
            Labels = labels,
            Onnx = sample.Onnx with { InputLengths = lengths, Feed = feed },
            Architecture = sample.Architecture with { Classes = labels.Length },
        };
    }

    [Fact]
    public void SaveThenLoad_ForeignFeed_RoundTrips()
    {
        var manifest = Foreign(new FeedInfo("post", "int32", "logit", "int64"), lengths: "seq_lengths");
        using var stream = new MemoryStream();
        manifest.Save(stream);
        stream.Position = 0;

        var loaded = ModelManifest.Load(stream);

        Assert.Equal(manifest.Onnx, loaded.Onnx);
    }

    [Theory]
    [InlineData(null, null, "onnx.inputLengths is needed")]
    [InlineData("middle", null, "onnx.feed.padding")]
    [InlineData("pre", "lengths", "onnx.feed.lengthsType")]
    public void Validate_UnusableFeed_NamesTheField(string? padding, string? lengths, string field)
    {
        var manifest = Foreign(padding is null ? null : new FeedInfo(padding), lengths);

        Assert.Contains(field, Assert.Throws<InvalidDataException>(manifest.Validate).Message);
    }

    [Theory]
    [InlineData("idsType", "int16")]
    [InlineData("outputKind", "scores")]
    public void Validate_UnknownTypeOrKind_NamesTheField(string field, string value)
    {
        var feed = field == "idsType" ? new FeedInfo(IdsType: value) : new FeedInfo(OutputKind: value);

        Assert.Contains($"onnx.feed.{field}", Assert.Throws<InvalidDataException>(Foreign(feed).Validate).Message);
    }

    [Theory]
    [InlineData("sigmoid")]
    [InlineData("logit")]
    public void Validate_OneColumnOutputForThreeLabels_Throws(string kind) =>
        Assert.Contains("exactly two labels", Assert.Throws<InvalidDataException>(
            Foreign(new FeedInfo(OutputKind: kind), labels: ["negative", "neutral", "positive"]).Validate).Message);
}
