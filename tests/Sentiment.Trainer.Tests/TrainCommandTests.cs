using System.Text.Json.Nodes;
using Sentiment.TestKit;

namespace Sentiment.Trainer.Tests;

[Collection(TorchCollection.Name)]
public sealed class TrainCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private CliResult Train(string output, params string[] args) => TrainerCli.Run(["train",
        "--data", TrainerCli.TestData("tiny-train.csv"), "--valid", TrainerCli.TestData("tiny-dev.csv"),
        "--output", output, .. TrainerCli.TinyModel, .. args]);

    private static JsonNode Manifest(string bundle) => JsonNode.Parse(File.ReadAllText(Path.Combine(bundle, "model.json")))!;

    [Fact]
    public void Train_TinyData_WritesBundleCurveAndReports()
    {
        string output = _folder.File("bundle");

        var result = Train(output, "--test", TrainerCli.TestData("tiny-dev.csv"));

        Assert.True(result.ExitCode == 0, result.Errors);
        Assert.Equal(["model.json", "sentiment.onnx", "training-curve.png", "vocab.json"],
            Directory.GetFiles(output).Select(Path.GetFileName).Order());
        Assert.Contains("epoch 2: train loss", result.Output);
        Assert.Contains("validation: 8 rows, accuracy", result.Output);
        Assert.Contains("test: 8 rows", result.Output);
        var manifest = Manifest(output);
        Assert.Equal(["negative", "positive"], manifest["labels"]!.AsArray().Select(l => (string)l!));
        Assert.Equal(24, (int)manifest["data"]!["train"]!["rows"]!);
        Assert.Equal(12, (int)manifest["data"]!["train"]!["perLabel"]!["negative"]!);
        Assert.Equal(8, (int)manifest["metrics"]!["test"]!["rows"]!);
        Assert.Equal("tiny-train.csv", ((string)manifest["training"]!["data"]![0]!).Split('/')[1]);
    }

    [Fact]
    public void Train_SameDataSeedAndThreads_GivesIdenticalOnnxAndMetrics()
    {
        string first = _folder.File("first"), second = _folder.File("second"), otherSeed = _folder.File("other-seed");

        Assert.Equal(0, Train(first).ExitCode);
        Assert.Equal(0, Train(second).ExitCode);
        Assert.Equal(0, Train(otherSeed, "--seed", "7").ExitCode);

        byte[] onnx = File.ReadAllBytes(Path.Combine(first, "sentiment.onnx"));
        Assert.Equal(onnx, File.ReadAllBytes(Path.Combine(second, "sentiment.onnx")));
        Assert.NotEqual(onnx, File.ReadAllBytes(Path.Combine(otherSeed, "sentiment.onnx")));
        Assert.Equal(Manifest(first)["metrics"]!.ToJsonString(), Manifest(second)["metrics"]!.ToJsonString());
        Assert.Equal(Manifest(first)["training"]!["history"]!.AsArray().Select(e => (double)e!["trainLoss"]!),
            Manifest(second)["training"]!["history"]!.AsArray().Select(e => (double)e!["trainLoss"]!));
    }

    [Fact]
    public void Train_EmptyTexts_AreSkippedCountedAndWarned()
    {
        string data = _folder.File("train.csv",
            File.ReadAllText(TrainerCli.TestData("tiny-train.csv")) + "\"   \",positive\n,negative\n");
        string output = _folder.File("bundle");

        var result = TrainerCli.Run(["train", "--data", data, "--valid", TrainerCli.TestData("tiny-dev.csv"),
            "--output", output, .. TrainerCli.TinyModel]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"warning: {data}: skipped 2 row(s) with empty text (line 26, 27)", result.Errors);
        Assert.Equal(2, (int)Manifest(output)["data"]!["train"]!["skipped"]!);
    }

    [Fact]
    public void Train_SeveralDataFilesAndLabelFilter_KeepsOnlyThoseLabelsInThatOrder()
    {
        string neutral = _folder.File("neutral.csv", "text,label\nit is a film,neutral\nthe film exists,neutral\n");
        string output = _folder.File("bundle");

        var result = TrainerCli.Run(["train", "--data", TrainerCli.TestData("tiny-train.csv"), neutral,
            "--valid-fraction", "0.25", "--labels", "positive,negative", "--output", output, .. TrainerCli.TinyModel]);

        Assert.True(result.ExitCode == 0, result.Errors);
        var manifest = Manifest(output);
        Assert.Equal(["positive", "negative"], manifest["labels"]!.AsArray().Select(l => (string)l!));
        Assert.Equal(2, (int)manifest["data"]!["train"]!["skipped"]!);
        Assert.Equal(18, (int)manifest["data"]!["train"]!["rows"]!);
        Assert.Equal(6, (int)manifest["data"]!["validation"]!["rows"]!);
    }

    [Fact]
    public void Train_SeveralValidationFilesDecayAndClipping_AreUsedAndRecorded()
    {
        string extra = _folder.File("extra-dev.csv", "text,label\na great film,positive\na dull film,negative\nan odd film,neutral\n");
        string output = _folder.File("bundle");

        var result = TrainerCli.Run(["train", "--data", TrainerCli.TestData("tiny-train.csv"),
            "--valid", TrainerCli.TestData("tiny-dev.csv"), extra, "--labels", "negative,positive",
            "--lr-decay", "0.5", "--clip-norm", "2", "--output", output, .. TrainerCli.TinyModel]);

        Assert.True(result.ExitCode == 0, result.Errors);
        var training = Manifest(output)["training"]!;
        Assert.Equal(10, (int)Manifest(output)["data"]!["validation"]!["rows"]!);
        Assert.Equal(["tiny-dev.csv", "extra-dev.csv"], training["validation"]!.AsArray().Select(v => ((string)v!).Split('/')[1]));
        Assert.Equal(0.5, (double)training["learningRateDecay"]!);
        Assert.Equal(2, (double)training["clipNorm"]!);
        var rates = training["history"]!.AsArray().Select(e => (double)e!["learningRate"]!).ToArray();
        Assert.Equal(rates[0] / 2, rates[1], 12);
        Assert.Contains($"lr {rates[1]:G3}", result.Output);
    }

    [Fact]
    public void Train_OverEarlierBundle_ReplacesIt()
    {
        string output = _folder.File("bundle");
        Assert.Equal(0, Train(output).ExitCode);

        var result = Train(output, "--seed", "3");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(3, (int)Manifest(output)["training"]!["seed"]!);
        Assert.Single(Directory.GetDirectories(_folder.Path));
    }
}
