using System.Text.Json.Nodes;
using Sentiment.Core;
using Sentiment.Inference;
using Sentiment.TestKit;

namespace Sentiment.Trainer.Tests;

/// <summary>
/// <c>train</c> with three classes, normalisation, pretraining and calibration: what the shipped model is
/// made with, on a dozen rows.
/// </summary>
[Collection(TorchCollection.Name)]
public sealed class TrainUserTextTests : IDisposable
{
    private const string Train3 = """
        text,label
        a great film with a wonderful cast,positive
        "loved it, every minute :)",positive
        the best movie this year,positive
        "fun, clever and beautiful",positive
        a dull and boring film,negative
        "hated it, every minute :(",negative
        the worst movie this year,negative
        "stupid, ugly and cruel",negative
        the film opens on friday,neutral
        the cast meets in room 4,neutral
        the movie is two hours long,neutral
        the film was shot in paris,neutral
        """;

    private const string Dev3 = """
        text,label
        a wonderful and clever film,positive
        a boring and ugly movie,negative
        the movie opens in paris,neutral
        the best cast,positive
        the worst cast,negative
        the film is long,neutral
        """;

    private const string TestBinary = """
        text,label
        a great and beautiful movie,positive
        a dull and cruel film,negative
        loved it,positive
        hated it,negative
        """;

    private const string Unlabelled = """
        text
        a great film and a wonderful film
        a dull film and a boring film
        the cast is great and the film is wonderful
        the movie is dull and the cast is boring
        """;

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private CliResult Train(string output, params string[] args) => TrainerCli.Run(["train",
        "--data", _folder.File("train.csv", Train3), "--valid", _folder.File("dev.csv", Dev3),
        "--test", _folder.File("test3.csv", Dev3), _folder.File("test2.csv", TestBinary),
        "--output", output, .. TrainerCli.TinyModel, .. args]);

    [Fact]
    public void Train_ThreeClassesCalibrated_StoresTheTemperatureAndEveryFilesReport()
    {
        string output = _folder.File("bundle");

        var result = Train(output, "--normalization", TextNormalizer.UserTextV2, "--warn-below", "0.4", "--language", "de",
            "--pretrain-data", _folder.File("unlabelled.csv", Unlabelled), "--pretrain-epochs", "2");

        Assert.True(result.ExitCode == 0, result.Errors);
        var bundle = ModelBundle.Load(output);
        var manifest = bundle.Manifest;
        Assert.Equal(["negative", "neutral", "positive"], manifest.Labels);
        Assert.Equal(TextNormalizer.UserTextV2, manifest.Tokenizer.Normalization);
        Assert.Equal(0.4, manifest.Coverage!.WarnBelow);
        Assert.Equal("de", manifest.Language);
        var calibration = manifest.Calibration!;
        Assert.True(calibration.Temperature > 0);
        Assert.Equal(["dev.csv"], calibration.FittedOn.Select(f => f[(f.LastIndexOf('/') + 1)..]));
        // The temperature minimises the log-likelihood, not the binned error, so on six rows either may be larger.
        Assert.InRange(calibration.ValidationErrorBefore, 0, 1);
        Assert.InRange(calibration.ValidationErrorAfter, 0, 1);
        Assert.True(File.Exists(Path.Combine(output, "reliability.png")));

        var files = manifest.Metrics!.Files!;
        Assert.Equal(["validation", "test", "test"], files.Select(f => f.Role));
        Assert.Null(files[1].Restricted); // the three-class file uses every label
        var binary = files[2];
        Assert.Equal(["negative", "positive"], binary.Restricted!.PerClass.Select(c => c.Label));
        Assert.Equal(4, binary.Restricted.Rows);
        Assert.NotNull(binary.Report.CalibrationError);
        Assert.NotNull(binary.Report.UncalibratedError);

        var record = JsonNode.Parse(File.ReadAllText(Path.Combine(output, "model.json")))!["training"]!;
        Assert.Equal("temperature", (string)record["calibration"]!);
        Assert.Equal("skip-gram with negative sampling", (string)record["pretraining"]!["method"]!);
        // The words of the unlabelled texts count for the vocabulary too.
        Assert.Contains("and", bundle.Encoder.Vocabulary.Words);
    }

    [Fact]
    public void Train_ThreeClassesCalibrated_ProbabilitiesInTheGraphAreTheTemperedOnes()
    {
        string calibrated = _folder.File("calibrated"), plain = _folder.File("plain");

        Assert.Equal(0, Train(calibrated).ExitCode);
        Assert.Equal(0, Train(plain, "--calibration", "none").ExitCode);

        var bundle = ModelBundle.Load(calibrated);
        Assert.Null(ModelBundle.Load(plain).Manifest.Calibration);
        double temperature = bundle.Manifest.Calibration!.Temperature;
        using var withT = new SentimentScorer(bundle);
        using var withoutT = new SentimentScorer(ModelBundle.Load(plain));
        foreach (string text in new[] { "a wonderful film", "a boring movie", "the film opens in room 4" })
        {
            var expected = Calibration.Apply(withoutT.Predict(text).Probabilities, 3, temperature);
            var actual = withT.Predict(text);
            for (int c = 0; c < 3; c++)
                Assert.Equal(expected[c], actual.Probabilities[c], 1e-5f);
        }
    }

    [Fact]
    public void Evaluate_BinaryFileWithAThreeClassModel_ReportsBothFigures()
    {
        string output = _folder.File("bundle");
        Assert.Equal(0, Train(output).ExitCode);

        var result = TrainerCli.Run(["evaluate", "--model", output, "--data", _folder.File("test2.csv", TestBinary), "--json"]);

        Assert.True(result.ExitCode == 0, result.Errors);
        var report = JsonNode.Parse(result.Output)!;
        Assert.Equal(3, report["perClass"]!.AsArray().Count);
        Assert.Equal(2, report["restricted"]!["perClass"]!.AsArray().Count);
        Assert.NotNull(report["calibrationError"]);
    }
}
