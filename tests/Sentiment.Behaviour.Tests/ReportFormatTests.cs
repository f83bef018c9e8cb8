using System.Text.Json;

namespace Sentiment.Behaviour.Tests;

public class ReportFormatTests
{
    private static readonly SuiteTargets Targets = new(0.15, 0.30);
    private static readonly RunInfo Binary = new("suite.json", "tiny 0.1.0", ["negative", "positive"]);

    private static readonly BehaviourReport Report = BehaviourScoring.Score(
    [
        new("negation", TestType.MFT, "t", "positive", ["not bad at all"]),
        new("negation", TestType.MFT, "t", "negative", ["not good"]),
        new("facts", TestType.MFT, "t", "neutral", ["it weighs 2 kg"]),
        new("names", TestType.INV, "t", null, ["Maria was kind", "John was kind"]),
    ], BehaviourScoringTests.Binary);

    [Fact]
    public void Markdown_HasARowPerCapability_AndBothOverallRates()
    {
        string text = ReportFormat.Markdown(Report, Binary, Targets, showFailures: 0);

        Assert.Contains("| negation | MFT | 2 | 1 | 50.0 |", text);
        Assert.Contains("| facts | MFT | 1 | 1 | 100.0 |", text);
        Assert.Contains("| names | INV | 1 | 0 | 0.0 |", text);
        Assert.Contains("| **overall** |  | 4 | 2 | 50.0 |", text);
        Assert.Contains("| overall without neutral-expected cases |  | 3 | 1 | 33.3 |", text);
        Assert.Contains("no `neutral` label", text);
        Assert.Contains("not met.", text);
        Assert.DoesNotContain("###", text);
    }

    [Fact]
    public void Markdown_WithANeutralLabel_LeavesOutTheBinaryNote() =>
        Assert.DoesNotContain("no `neutral` label",
            ReportFormat.Markdown(Report, Binary with { ModelLabels = ["negative", "neutral", "positive"] }, Targets, 0));

    [Fact]
    public void Markdown_ShowFailures_ListsUpToNPerRow()
    {
        string text = ReportFormat.Markdown(Report, Binary, Targets, showFailures: 1);

        Assert.Contains("### negation (MFT): 1 of 2 failed", text);
        Assert.Contains("- \"not good\": expected negative, got positive (0.80)", text);
        Assert.Contains("### facts (MFT): 1 of 1 failed", text);
        Assert.DoesNotContain("### names", text);
    }

    [Fact]
    public void Figures_HoldTheRatesAsFractions()
    {
        using var json = JsonDocument.Parse(ReportFormat.Figures(Report, Binary, Targets));
        var root = json.RootElement;

        Assert.Equal(5, root.GetProperty("sentences").GetInt32());
        Assert.Equal(0.5, root.GetProperty("overall").GetProperty("failureRate").GetDouble());
        Assert.Equal(3, root.GetProperty("withoutNeutral").GetProperty("cases").GetInt32());
        Assert.False(root.GetProperty("targetsMet").GetBoolean());
        var names = root.GetProperty("capabilities")[2];
        Assert.Equal("names", names.GetProperty("capability").GetString());
        Assert.Equal("INV", names.GetProperty("type").GetString());
    }
}
