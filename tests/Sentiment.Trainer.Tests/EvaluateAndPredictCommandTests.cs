using System.Text.Json.Nodes;
using Sentiment.TestKit;

namespace Sentiment.Trainer.Tests;

/// <summary>evaluate and predict against the tiny committed bundle (vocabulary of clear polarity words).</summary>
public sealed class EvaluateAndPredictCommandTests : IDisposable
{
    private static readonly string Bundle = TinyBundleFiles.Committed;
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Evaluate_PrintsReportTables()
    {
        var result = TrainerCli.Run("evaluate", "--model", Bundle, "--data", TrainerCli.TestData("tiny-dev.csv"), "--threads", "1");

        Assert.True(result.ExitCode == 0, result.Errors);
        Assert.Contains("(0 skipped): 8 rows, accuracy", result.Output);
        Assert.Contains("true \\ predicted  negative  positive", result.Output);
    }

    [Fact]
    public void Evaluate_Json_GivesTheManifestReportShape()
    {
        var result = TrainerCli.Run("evaluate", "--model", Bundle, "--data", TrainerCli.TestData("tiny-dev.csv"), "--json");

        Assert.True(result.ExitCode == 0, result.Errors);
        var report = JsonNode.Parse(result.Output)!;
        Assert.Equal(0, (int)report["skipped"]!);
        Assert.Equal(8, (int)report["rows"]!);
        Assert.InRange((double)report["accuracy"]!, 0, 1);
        Assert.InRange((double)report["macroF1"]!, 0, 1);
        Assert.Equal(2, report["confusion"]!.AsArray().Count);
        Assert.Equal("negative", (string)report["perClass"]![0]!["label"]!);
        Assert.Equal(8, report["confusion"]!.AsArray().Sum(row => row!.AsArray().Sum(count => (int)count!)));
    }

    [Fact]
    public void Evaluate_MissingModel_NamesFolder()
    {
        string missing = _folder.File("no-model");

        var result = TrainerCli.Run("evaluate", "--model", missing, "--data", TrainerCli.TestData("tiny-dev.csv"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"error: {missing}: the model folder does not exist", result.Errors);
    }

    [Fact]
    public void Predict_KeepsInputColumnsAndAddsLabelAndProbabilities()
    {
        string input = _folder.File("in.csv", "id,text\n1,\"great, really great\"\n2,\"a \"\"terrible\"\"\nmovie\"\n3,\n");
        string output = _folder.File("out.csv");

        var result = TrainerCli.Run("predict", "--model", Bundle, "--input", input, "--output", output, "--batch-size", "2");

        Assert.True(result.ExitCode == 0, result.Errors);
        Assert.Contains($"Scored 2 rows into {output}; 1 row(s) with empty text written without a prediction.", result.Output);
        Assert.Equal($"warning: {input}: did not score 1 row(s) with empty text (line 5)", result.Errors.Trim());
        string[] lines = File.ReadAllText(output).Split('\n');
        Assert.Equal("id,text,predicted_label,p_negative,p_positive", lines[0]);
        Assert.StartsWith("1,\"great, really great\",positive,", lines[1]);
        Assert.Equal("2,\"a \"\"terrible\"\"", lines[2]);
        Assert.StartsWith("movie\",negative,", lines[3]);
        Assert.Equal("3,,,,", lines[4]); // kept, so output rows still line up with input rows
        double[] probabilities = [.. lines[1].Split(',')[^2..].Select(double.Parse)];
        Assert.Equal(1, probabilities.Sum(), 5);
    }

    [Fact]
    public void Evaluate_EmptyTextRows_AreSkippedAsInTraining()
    {
        string data = _folder.File("dev.csv", File.ReadAllText(TrainerCli.TestData("tiny-dev.csv")) + "\"  \",positive\n");

        var result = TrainerCli.Run("evaluate", "--model", Bundle, "--data", data, "--json");

        Assert.True(result.ExitCode == 0, result.Errors);
        Assert.Equal($"warning: {data}: skipped 1 row(s) with empty text (line 10)", result.Errors.Trim());
        Assert.Equal(1, (int)JsonNode.Parse(result.Output)!["skipped"]!);
        Assert.Equal(8, (int)JsonNode.Parse(result.Output)!["rows"]!);
    }

    [Fact]
    public void Predict_IntoAnExistingFile_ReplacesIt()
    {
        string input = _folder.File("in.csv", "text\ngreat\n");
        string output = _folder.File("out.csv", "old\n");

        var result = TrainerCli.Run("predict", "--model", Bundle, "--input", input, "--output", output);

        Assert.True(result.ExitCode == 0, result.Errors);
        Assert.StartsWith("text,predicted_label,", File.ReadAllText(output));
    }

    [Fact]
    public void Predict_MalformedInput_LeavesNoOutput()
    {
        string input = _folder.File("in.csv", "text\nfine\nnot \"quoted\" right\n");
        string output = _folder.File("out.csv");

        var result = TrainerCli.Run("predict", "--model", Bundle, "--input", input, "--output", output);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"{input}:3: a quote inside an unquoted field", result.Errors);
        Assert.Equal(["in.csv"], Directory.GetFiles(_folder.Path).Select(Path.GetFileName));
    }
}
