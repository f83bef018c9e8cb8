using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Sentiment.Api.Tests.Infrastructure;
using Sentiment.TestKit;

namespace Sentiment.Api.Tests.Integration;

/// <summary>A bad bundle or setting stops the process with exit code 1 and one line naming the file and the reason.</summary>
public sealed class StartupRefusalTests
{
    [Fact]
    public async Task MissingBundleFolder_RefusesToStart()
    {
        string missing = Path.Combine(Path.GetTempPath(), "no-such-model-" + Guid.NewGuid().ToString("N"));

        await AssertRefusedAsync(missing, missing, "does not exist");
    }

    [Theory]
    [InlineData("vocab.json")]
    [InlineData("sentiment.onnx")]
    [InlineData("model.json")]
    public async Task MissingFile_RefusesToStart(string file)
    {
        using var copy = TinyBundleFiles.Copy();
        string bundle = copy.Path;
        File.Delete(Path.Combine(bundle, file));

        await AssertRefusedAsync(bundle, file, "missing");
    }

    [Fact]
    public async Task CorruptOnnxWithMatchingHash_RefusesToStart()
    {
        using var copy = TinyBundleFiles.Copy();
        string bundle = copy.Path;
        File.WriteAllBytes(Path.Combine(bundle, "sentiment.onnx"), RandomNumberGenerator.GetBytes(4096));
        UpdateManifest(bundle, manifest => manifest["onnx"]!["sha256"] = Sha256(bundle, "sentiment.onnx"));

        await AssertRefusedAsync(bundle, "sentiment.onnx");
    }

    [Theory]
    [InlineData("sentiment.onnx")]
    [InlineData("vocab.json")]
    public async Task FileChangedAfterHashing_RefusesToStart(string file)
    {
        using var copy = TinyBundleFiles.Copy();
        string bundle = copy.Path;
        File.AppendAllText(Path.Combine(bundle, file), " ");

        await AssertRefusedAsync(bundle, file, "SHA-256");
    }

    [Fact]
    public async Task VocabularySmallerThanTheModelsEmbedding_RefusesToStart()
    {
        using var copy = TinyBundleFiles.Copy();
        string bundle = copy.Path;
        var words = JsonNode.Parse(File.ReadAllText(Path.Combine(bundle, "vocab.json")))!.AsArray();
        words.RemoveAt(words.Count - 1);
        File.WriteAllText(Path.Combine(bundle, "vocab.json"), words.ToJsonString());
        UpdateManifest(bundle, manifest => manifest["vocabulary"]!["sha256"] = Sha256(bundle, "vocab.json"));

        await AssertRefusedAsync(bundle, "vocab.json", "49 words");
    }

    [Fact]
    public async Task MoreLabelsThanModelOutputs_RefusesToStart()
    {
        using var copy = TinyBundleFiles.Copy();
        string bundle = copy.Path;
        UpdateManifest(bundle, manifest =>
        {
            manifest["labels"] = new JsonArray("negative", "neutral", "positive");
            manifest["architecture"]!["classes"] = 3;
        });

        await AssertRefusedAsync(bundle, "sentiment.onnx");
    }

    [Fact]
    public async Task ManifestThatIsNotJson_RefusesToStart()
    {
        using var copy = TinyBundleFiles.Copy();
        string bundle = copy.Path;
        File.WriteAllText(Path.Combine(bundle, "model.json"), "{ not json");

        await AssertRefusedAsync(bundle, "model.json");
    }

    [Theory]
    [InlineData("Batching__MaxInferenceBatch", "0", "MaxInferenceBatch")]
    [InlineData("Api__MaxTextLength", "-1", "MaxTextLength")]
    [InlineData("Api__MaxBatchSize", "many", "Api:MaxBatchSize")]
    [InlineData("Batching__MaxBatchDelay", "00:00:05", "MaxBatchDelay")]
    [InlineData("Model__IntraOpNumThreads", "1000", "IntraOpNumThreads")]
    public async Task InvalidSetting_RefusesToStartNamingIt(string variable, string value, string setting)
    {
        var (exitCode, lines) = await ApiProcess.RunAsync(TestPaths.Api, new Dictionary<string, string>
        {
            ["Model__Path"] = TestPaths.TinyBundle,
            [variable] = value,
        });

        Assert.Equal(1, exitCode);
        Assert.Contains(setting, Assert.Single(lines, l => l.Contains("Refusing to start")));
    }

    private static async Task AssertRefusedAsync(string modelPath, params string[] fragments)
    {
        var (exitCode, lines) = await ApiProcess.RunAsync(TestPaths.Api, new Dictionary<string, string> { ["Model__Path"] = modelPath });

        string all = string.Join('\n', lines);
        Assert.True(exitCode == 1, $"exit code {exitCode}:\n{all}");
        string refusal = Assert.Single(lines, line => line.Contains("Refusing to start"));
        foreach (var fragment in fragments)
            Assert.Contains(fragment, refusal);
        Assert.DoesNotContain(lines, line => line.TrimStart().StartsWith("at ", StringComparison.Ordinal));
        Assert.DoesNotContain("Now listening", all); // refused before the server took a request
    }

    private static void UpdateManifest(string bundle, Action<JsonNode> change)
    {
        string path = Path.Combine(bundle, "model.json");
        var manifest = JsonNode.Parse(File.ReadAllText(path))!;
        change(manifest);
        File.WriteAllText(path, manifest.ToJsonString());
    }

    private static string Sha256(string bundle, string file) =>
        Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(bundle, file))));
}
