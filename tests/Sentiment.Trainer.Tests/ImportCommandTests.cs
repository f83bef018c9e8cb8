using System.Globalization;
using System.Text.Json.Nodes;
using Sentiment.TestKit;

namespace Sentiment.Trainer.Tests;

/// <summary><c>import</c> turns a PyTorch export and its Keras tokenizer (TestData/foreign) into a bundle that answers as PyTorch did.</summary>
public sealed class ImportCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static CliResult Import(ForeignFixture fixture, string output, string labels = "negative,positive", string? padding = null,
        params string[] args) => TrainerCli.Run([
        "import", "--onnx", fixture.Onnx, "--tokenizer", fixture.Tokenizer, "--max-len", fixture.MaxLength.ToString(CultureInfo.InvariantCulture),
        "--padding", padding ?? fixture.Padding, "--truncating", fixture.Truncating, "--labels", labels, "--output", output, .. args]);

    [Theory]
    [InlineData("keras-layout")]
    [InlineData("chars-sigmoid")]
    public void Import_ThenPredict_AnswersAsPyTorch(string name)
    {
        var fixture = new[] { ForeignFixture.KerasLayout, ForeignFixture.CharsSigmoid }.Single(f => f.Name == name);
        var (texts, expected) = fixture.Expected();
        string bundle = _folder.File("bundle"), input = _folder.File("texts.csv"), scored = _folder.File("scored.csv");
        File.WriteAllLines(input, ["text", .. texts.Select(t => $"\"{t.Replace("\"", "\"\"", StringComparison.Ordinal)}\"")]);

        var imported = Import(fixture, bundle, args: ["--version", "1.0.0"]);
        var predicted = TrainerCli.Run("predict", "--model", bundle, "--input", input, "--output", scored, "--batch-size", "4");

        Assert.True(imported.ExitCode == 0, imported.Errors);
        Assert.Contains("Model bundle 1.0.0 written to", imported.Output);
        Assert.True(predicted.ExitCode == 0, predicted.Errors);
        string[] rows = File.ReadAllLines(scored)[1..];
        Assert.Equal(texts.Length, rows.Length);
        for (int i = 0; i < texts.Length; i++)
        {
            if (texts[i].Length == 0)
                continue; // predict writes an empty text without a prediction
            string[] fields = rows[i].Split(',');
            float positive = float.Parse(fields[^1], CultureInfo.InvariantCulture), negative = float.Parse(fields[^2], CultureInfo.InvariantCulture);
            Assert.True(Math.Abs(positive - expected[i][1]) <= 1e-5 && Math.Abs(negative - expected[i][0]) <= 1e-5,
                $"text {i}: PyTorch [{expected[i][0]}, {expected[i][1]}], served [{negative}, {positive}]");
        }
    }

    [Fact]
    public void Import_WritesTheFeedAndWhereTheModelCameFrom()
    {
        string bundle = _folder.File("bundle");

        Assert.Equal(0, Import(ForeignFixture.PostLogits, bundle, args: ["--language", "de"]).ExitCode);

        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(bundle, "model.json")))!;
        Assert.Equal("""{"padding":"post","idsType":"int32","outputKind":"logits"}""", manifest["onnx"]!["feed"]!.ToJsonString());
        Assert.Equal("post", (string)manifest["tokenizer"]!["truncating"]!);
        Assert.Equal("post-logits.onnx", (string)manifest["training"]!["importedFrom"]!["onnx"]!);
        Assert.Equal("de", (string)manifest["language"]!);
    }

    [Fact]
    public void Import_GraphThatCannotBeServedSo_FailsOnOneLineAndWritesNothing()
    {
        string bundle = _folder.File("bundle");

        var result = Import(ForeignFixture.KerasLayout, bundle, labels: "negative,neutral,positive");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"error: {ForeignFixture.KerasLayout.Onnx}: output 'probabilities' has 2 columns but 3 labels were given.", result.Errors.Trim());
        Assert.False(Directory.Exists(bundle));
    }

    [Fact]
    public void Import_MissingTokenizer_NamesTheFile()
    {
        string missing = _folder.File("missing.json");

        var result = TrainerCli.Run("import", "--onnx", ForeignFixture.KerasLayout.Onnx, "--tokenizer", missing, "--max-len", "100",
            "--labels", "negative,positive", "--output", _folder.File("bundle"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"{missing}: the file is missing.", result.Errors);
    }

    [Fact]
    public void Import_UnknownPadding_FailsWithUsageError()
    {
        var result = Import(ForeignFixture.KerasLayout, _folder.File("bundle"), padding: "middle");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("middle", result.Errors);
    }
}
