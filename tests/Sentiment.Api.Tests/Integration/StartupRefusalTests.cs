using Sentiment.Api.Tests.Infrastructure;
using Sentiment.TestKit;

namespace Sentiment.Api.Tests.Integration;

/// <summary>
/// A bad bundle or setting stops the process with exit code 1 and one line naming the file or setting
/// and the reason; which bundles are bad is ModelBundleTests' business, so one stands for all here.
/// </summary>
public sealed class StartupRefusalTests
{
    [Fact]
    public async Task MissingBundleFolder_RefusesToStart()
    {
        string missing = Path.Combine(Path.GetTempPath(), "no-such-model-" + Guid.NewGuid().ToString("N"));

        await AssertRefusedAsync(new Dictionary<string, string> { ["Model__Path"] = missing }, missing, "does not exist");
    }

    [Theory]
    [InlineData("Batching__MaxBatchDelay", "00:00:05", "MaxBatchDelay")] // out of range
    [InlineData("Api__MaxTextsPerRequest", "many", "Api:MaxTextsPerRequest")] // not a number
    [InlineData("Shutdown__Timeout", "00:00:00", "Timeout")] // out of range: the host reads it before validation
    [InlineData("Shutdown__Timeout", "soon", "Shutdown:Timeout")] // not a time span
    [InlineData("Connections__RequestHeadersTimeout", "00:00:00", "RequestHeadersTimeout")]
    public async Task InvalidSetting_RefusesToStartNamingIt(string variable, string value, string setting)
    {
        await AssertRefusedAsync(new Dictionary<string, string>
        {
            ["Model__Path"] = TestPaths.TinyBundle,
            [variable] = value,
        }, setting);
    }

    [Fact]
    public async Task ApiKeyWithBadHash_OrDuplicateName_RefusesToStartNamingIt()
    {
        await AssertRefusedAsync(new Dictionary<string, string>
        {
            ["Model__Path"] = TestPaths.TinyBundle,
            ["Auth__ApiKeys__0__Name"] = "ci",
            ["Auth__ApiKeys__0__Sha256"] = "not-hex",
            ["Auth__ApiKeys__1__Name"] = "ci",
            ["Auth__ApiKeys__1__Sha256"] = new string('a', 64),
        }, "Auth:ApiKeys:0:Sha256 must be 64 hex digits", "Auth:ApiKeys:1:Name 'ci' is used by another key");
    }

    [Fact]
    public async Task ModelThatFailsAfterTheServerListens_ExitsOneWithTheExceptionLogged()
    {
        // Files, hashes and shapes pass the check before listening; ONNX Runtime then meets an unknown operator.
        using var copy = TinyBundleFiles.Copy();
        string bundle = copy.Path;
        string onnx = Path.Combine(bundle, "sentiment.onnx");
        byte[] graph = File.ReadAllBytes(onnx);
        int softmax = graph.AsSpan().IndexOf("Softmax"u8);
        Assert.True(softmax >= 0, "the tiny graph has no Softmax node");
        "Softmux"u8.CopyTo(graph.AsSpan(softmax));
        File.WriteAllBytes(onnx, graph);
        copy.EditManifest(manifest => manifest["onnx"]!["sha256"] = TinyBundleFiles.Sha256(Path.Combine(bundle, "sentiment.onnx")));

        var (exitCode, lines) = await ApiProcess.RunAsync(TestPaths.Api, new Dictionary<string, string> { ["Model__Path"] = bundle });

        string all = string.Join('\n', lines);
        Assert.True(exitCode == 1, $"exit code {exitCode}:\n{all}");
        Assert.Contains(bundle, Assert.Single(lines, line => line.Contains("Refusing to start")));
        Assert.Contains("Softmux", all);
        Assert.Contains(lines, line => line.TrimStart().StartsWith("at Sentiment.Inference.SentimentScorer", StringComparison.Ordinal));
    }

    [Fact]
    public async Task UnknownLogFormat_RefusesToStartNamingTheSettingAndTheAllowedValues()
    {
        await AssertRefusedAsync(new Dictionary<string, string> { ["Model__Path"] = TestPaths.TinyBundle, ["Log__Format"] = "Xml" },
            "Log:Format", "Text, Json");
    }

    private static async Task AssertRefusedAsync(Dictionary<string, string> environment, params string[] fragments)
    {
        var (exitCode, lines) = await ApiProcess.RunAsync(TestPaths.Api, environment);

        string all = string.Join('\n', lines);
        Assert.True(exitCode == 1, $"exit code {exitCode}:\n{all}");
        string refusal = Assert.Single(lines, line => line.Contains("Refusing to start"));
        foreach (var fragment in fragments)
            Assert.Contains(fragment, refusal);
        Assert.DoesNotContain(lines, line => line.TrimStart().StartsWith("at ", StringComparison.Ordinal));
        Assert.DoesNotContain("Now listening", all); // refused before the server took a request
    }
}
