using Sentiment.TestKit;
using System.Text.Json.Nodes;

namespace Sentiment.Trainer.Tests;

/// <summary><c>train --bidirectional --pooling ... --feature-dropout ...</c> trains that variant and records it.</summary>
[Collection(TorchCollection.Name)]
public sealed class TrainVariantTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private CliResult Train(string output, params string[] args) => TrainerCli.Run(["train",
        "--data", TrainerCli.TestData("tiny-train.csv"), "--valid", TrainerCli.TestData("tiny-dev.csv"),
        "--output", output, .. TrainerCli.TinyModel, .. args]);

    [Fact]
    public void Train_BidirectionalPooled_WritesALoadableBundleRecordingTheVariant()
    {
        string output = _folder.File("bundle");

        var result = Train(output, "--bidirectional", "--pooling", "last-max-mean", "--feature-dropout", "0.3");

        Assert.True(result.ExitCode == 0, result.Errors);
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(output, "model.json")))!;
        Assert.True((bool)manifest["architecture"]!["bidirectional"]!);
        Assert.Equal("last-max-mean", (string)manifest["architecture"]!["pooling"]!);
        Assert.Equal(0.3, (double)manifest["training"]!["featureDropout"]!);
        Assert.NotNull(manifest["metrics"]!["validation"]); // scored through the written graph
    }

    [Fact]
    public void Train_Defaults_WriteThePlainArchitecture()
    {
        string output = _folder.File("bundle");

        Assert.Equal(0, Train(output).ExitCode);

        var architecture = JsonNode.Parse(File.ReadAllText(Path.Combine(output, "model.json")))!["architecture"]!.AsObject();
        Assert.Equal(["embeddingRows", "embeddingDim", "lstmUnits", "classes"], architecture.Select(p => p.Key));
    }

    [Theory]
    [InlineData("--pooling", "attention", "'last-max-mean'")]
    [InlineData("--feature-dropout", "1", "--feature-dropout must be at least 0 and below 1")]
    public void Train_BadVariantOption_IsRefusedBeforeTraining(string option, string value, string expected)
    {
        string output = _folder.File("bundle");

        var result = Train(output, option, value);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(expected, result.Errors);
        Assert.False(Directory.Exists(output));
    }
}
