using Sentiment.TestKit;
using System.Text.Json.Nodes;
using Sentiment.Core;

namespace Sentiment.Inference.Tests;

/// <summary>A variant's model.json records its shape, and a manifest that disagrees with the graph is refused by name.</summary>
public sealed class VariantBundleTests : IDisposable
{
    private readonly TempFolder _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Write_BidirectionalPooled_RecordsBothInTheArchitecture()
    {
        Write(true, StatePooling.LastMaxMean);
        var architecture = JsonNode.Parse(File.ReadAllText(_directory.File(ModelManifest.FileName)))!["architecture"]!;

        Assert.True(architecture["bidirectional"]!.GetValue<bool>());
        Assert.Equal("last-max-mean", architecture["pooling"]!.GetValue<string>());
        Assert.Equal(new ArchitectureInfo(51, 8, 8, 2, Bidirectional: true, StatePooling.LastMaxMean), ModelBundle.Load(_directory.Path).Manifest.Architecture);
    }

    [Fact]
    public void Write_PlainModel_LeavesBothOutOfTheArchitecture()
    {
        Write(false, StatePooling.Last);
        var architecture = JsonNode.Parse(File.ReadAllText(_directory.File(ModelManifest.FileName)))!["architecture"]!.AsObject();

        Assert.Equal(["embeddingRows", "embeddingDim", "lstmUnits", "classes"], architecture.Select(p => p.Key));
    }

    [Theory]
    [InlineData(true, "bidirectional", false, "architecture.bidirectional is false")]
    [InlineData(false, "bidirectional", true, "architecture.bidirectional is true")]
    public void Load_ManifestDisagreeingOnDirections_IsRefused(bool graphIsBidirectional, string field, bool claimed, string expected)
    {
        Write(graphIsBidirectional, StatePooling.Last);
        Edit(architecture => architecture[field] = claimed);

        AssertRefused(expected);
    }

    [Theory]
    [InlineData(StatePooling.LastMaxMean, "last", "architecture.pooling is \"last\"")]
    [InlineData(StatePooling.Last, "last-max-mean", "architecture.pooling is \"last-max-mean\"")]
    public void Load_ManifestDisagreeingOnPooling_IsRefused(StatePooling graphPooling, string claimed, string expected)
    {
        Write(false, graphPooling);
        Edit(architecture => architecture["pooling"] = claimed);

        AssertRefused(expected);
    }

    [Fact]
    public void Load_UnknownPooling_IsRefusedAsAnInvalidManifest()
    {
        Write(false, StatePooling.Last);
        Edit(architecture => architecture["pooling"] = "attention");

        var error = Assert.Throws<ModelBundleException>(() => ModelBundle.Load(_directory.Path));

        Assert.Equal(_directory.File(ModelManifest.FileName), error.File);
    }

    [Fact]
    public void Load_ManifestDisagreeingOnUnits_IsRefused()
    {
        Write(true, StatePooling.Last);
        Edit(architecture => architecture["lstmUnits"] = 16);

        AssertRefused("architecture.lstmUnits is 16");
    }

    private void Write(bool bidirectional, StatePooling pooling) =>
        BundleWriter.Write(_directory.Path, TinyBundle.Vocabulary(), VariantWeights.Of(bidirectional, pooling), TinyBundle.Labels, TinyBundle.Details);

    private void Edit(Action<JsonNode> edit)
    {
        string path = _directory.File(ModelManifest.FileName);
        var manifest = JsonNode.Parse(File.ReadAllText(path))!;
        edit(manifest["architecture"]!);
        File.WriteAllText(path, manifest.ToJsonString());
    }

    private void AssertRefused(string expected)
    {
        var error = Assert.Throws<ModelBundleException>(() => ModelBundle.Load(_directory.Path));

        Assert.Equal(_directory.File(BundleWriter.OnnxFile), error.File);
        Assert.Contains(expected, error.Message);
    }
}
