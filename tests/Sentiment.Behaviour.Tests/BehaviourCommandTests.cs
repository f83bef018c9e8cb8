using Sentiment.TestKit;
using System.CommandLine;
using System.Text.Json;

namespace Sentiment.Behaviour.Tests;

public class BehaviourCommandTests
{
    [Fact]
    public void Run_OnTheTinyBundle_PrintsTheTable_AndWritesTheFigures()
    {
        using var folder = new TempFolder();
        string figures = Path.Combine(folder.Path, "behaviour.json");

        var (exitCode, output, errors) = Run("--model", TestFiles.TinyBundle, "--json", figures, "--show-failures", "2");

        Assert.Equal(0, exitCode);
        Assert.Equal("", errors);
        var cases = SuiteExpansion.Expand(Suite.Load(TestFiles.Suite));
        Assert.Contains($"on tiny-sentiment 0.1.0 (labels: negative, positive), {cases.Sum(c => c.Texts.Count)} sentences.", output);
        Assert.Contains($"| neutral facts | MFT | {cases.Count(c => c.Expected == "neutral")} | {cases.Count(c => c.Expected == "neutral")} | 100.0 |", output);
        Assert.Contains("### neutral facts (MFT)", output);

        using var json = JsonDocument.Parse(File.ReadAllText(figures));
        Assert.Equal(cases.Count, json.RootElement.GetProperty("overall").GetProperty("cases").GetInt32());
        Assert.Equal(9, json.RootElement.GetProperty("capabilities").GetArrayLength());
    }

    [Fact]
    public void Run_WithoutAModelFolder_FailsWithOneLine()
    {
        using var folder = new TempFolder();
        var (exitCode, output, errors) = Run("--model", Path.Combine(folder.Path, "missing"));

        Assert.Equal(1, exitCode);
        Assert.Equal("", output);
        Assert.StartsWith("error: ", errors);
        Assert.Contains("does not exist", errors);
    }

    [Fact]
    public void Run_WithABrokenSuite_NamesTheSuiteFile()
    {
        using var folder = new TempFolder();
        string suite = folder.File("suite.json", SuiteTests.SuiteJson("""{ "name": "t", "type": "MFT", "templates": ["x"] }"""));
        var (exitCode, _, errors) = Run("--model", TestFiles.TinyBundle, "--suite", suite);

        Assert.Equal(1, exitCode);
        Assert.Contains(suite, errors);
    }

    private static (int ExitCode, string Output, string Errors) Run(params string[] args)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        int exitCode = BehaviourCommand.Create(output, errors).Parse(args)
            .Invoke(new InvocationConfiguration { Output = output, Error = errors });
        return (exitCode, output.ToString(), errors.ToString());
    }
}
