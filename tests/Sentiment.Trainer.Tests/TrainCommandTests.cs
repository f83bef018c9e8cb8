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
        Assert.Equal(["model.json", "reliability.png", "sentiment.onnx", "training-curve.png", "vocab.json"],
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
        var created = DateTimeOffset.Parse((string)manifest["createdUtc"]!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal($"0.0.0-local.{created.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}", (string)manifest["version"]!);
        Assert.Contains($"Model bundle {manifest["version"]} written to", result.Output);
    }

    [Fact]
    public void Train_CharLevelWithBigrams_WritesTheSettingsAndACharacterVocabulary()
    {
        string output = _folder.File("bundle");

        var result = Train(output, "--char-level", "--char-bigrams", "--num-words", "60");

        Assert.True(result.ExitCode == 0, result.Errors);
        var tokenizer = Manifest(output)["tokenizer"]!;
        Assert.True((bool)tokenizer["charLevel"]!);
        Assert.True((bool)tokenizer["charBigrams"]!);
        string[] vocabulary = [.. JsonNode.Parse(File.ReadAllText(Path.Combine(output, "vocab.json")))!.AsArray().Select(w => (string)w!)];
        Assert.Equal(59, vocabulary.Length);
        Assert.All(vocabulary, token => Assert.InRange(token.Length, 1, 2));
        Assert.Contains(vocabulary, token => token.Length == 2);
    }

    [Fact]
    public void Train_WordLevel_WritesNoCharSettings()
    {
        string output = _folder.File("bundle");

        Assert.Equal(0, Train(output).ExitCode);

        Assert.DoesNotContain("char", Manifest(output)["tokenizer"]!.ToJsonString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void LocalVersion_IsTheUtcCreationTimeAsAPreReleaseOfZero()
    {
        var created = new DateTimeOffset(2026, 12, 4, 19, 30, 5, TimeSpan.FromHours(1));

        Assert.Equal("0.0.0-local.20261204T183005Z", TrainOptions.LocalVersion(created));
    }

    [Fact]
    public void Train_ExplicitVersion_IsWrittenAsGiven()
    {
        string output = _folder.File("bundle");

        Assert.Equal(0, Train(output, "--version", "2.0.0").ExitCode);

        Assert.Equal("2.0.0", (string)Manifest(output)["version"]!);
    }

    [Fact]
    public void Train_SelectByAccuracy_IsRecordedAndNamedWhenTheEpochIsKept()
    {
        string output = _folder.File("bundle");

        var result = Train(output, "--select-by", "accuracy");

        Assert.True(result.ExitCode == 0, result.Errors);
        Assert.Equal("accuracy", (string)Manifest(output)["training"]!["selectBy"]!);
        Assert.Matches(@"Kept epoch \d \(highest validation accuracy\)", result.Output + result.Errors);
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
    public void Train_OverEarlierBundle_NeedsOverwrite()
    {
        string output = _folder.File("bundle");
        Assert.Equal(0, Train(output).ExitCode);
        string before = File.ReadAllText(Path.Combine(output, "model.json"));

        var result = Train(output, "--seed", "3");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"error: {output}: the folder holds an earlier model bundle;"
            + " pass --overwrite to replace its files (other files are kept), or choose another folder.", result.Errors.Trim());
        Assert.Equal(before, File.ReadAllText(Path.Combine(output, "model.json")));
    }

    [Fact]
    public void Train_OverwriteInAFolderLikeModels_ReplacesTheBundleAndKeepsTheCardAndSubFolders()
    {
        // models/ as shipped: a bundle, its card, and the bundle of an earlier tutorial run.
        string models = _folder.File("models"), tutorial = Path.Combine(models, "sst2-tutorial");
        Assert.Equal(0, Train(tutorial).ExitCode);
        Assert.Equal(0, Train(_folder.File("shipped")).ExitCode);
        foreach (string file in Directory.GetFiles(_folder.File("shipped")))
            File.Move(file, Path.Combine(models, Path.GetFileName(file)));
        File.WriteAllText(Path.Combine(models, "MODEL_CARD.md"), "# card");
        byte[] tutorialOnnx = File.ReadAllBytes(Path.Combine(tutorial, "sentiment.onnx"));

        var refused = Train(models, "--seed", "3");
        var result = Train(models, "--seed", "3", "--overwrite");

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("holds \"MODEL_CARD.md\"", refused.Errors);
        Assert.True(result.ExitCode == 0, result.Errors);
        Assert.Equal(3, (int)Manifest(models)["training"]!["seed"]!);
        Assert.Equal("# card", File.ReadAllText(Path.Combine(models, "MODEL_CARD.md")));
        Assert.Equal(tutorialOnnx, File.ReadAllBytes(Path.Combine(tutorial, "sentiment.onnx")));
        Assert.Equal(["MODEL_CARD.md", "model.json", "reliability.png", "sentiment.onnx", "sst2-tutorial", "training-curve.png", "vocab.json"],
            Directory.EnumerateFileSystemEntries(models).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(["models", "shipped"], Directory.EnumerateFileSystemEntries(_folder.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(0, TrainerCli.Run("evaluate", "--model", models, "--data", TrainerCli.TestData("tiny-dev.csv")).ExitCode);
    }
}
