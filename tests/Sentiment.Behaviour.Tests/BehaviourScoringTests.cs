namespace Sentiment.Behaviour.Tests;

public class BehaviourScoringTests
{
    private static readonly BehaviourCase Positive = new("negation", TestType.MFT, "t", "positive", ["not bad at all"]);
    private static readonly BehaviourCase Neutral = new("facts", TestType.MFT, "t", "neutral", ["it weighs 2 kg"]);
    private static readonly BehaviourCase Cities = new("names", TestType.INV, "t", null, ["in Paris", "in Oslo", "in Lima"]);

    [Theory]
    [InlineData("positive", false)]
    [InlineData("negative", true)]
    [InlineData("neutral", true)]
    [InlineData("unknown", true)]
    public void Mft_PassesOnlyWithTheExpectedLabel(string label, bool fails) =>
        Assert.Equal(fails, BehaviourScoring.Fails(Positive, Answers(label)));

    [Theory]
    [InlineData(false, "negative", "negative", "negative")]
    [InlineData(false, "positive", "positive", "positive")]
    [InlineData(true, "positive", "positive", "negative")]
    [InlineData(true, "negative", "positive", "positive")]
    [InlineData(true, "unknown", "unknown", "unknown")]
    public void Inv_PassesOnlyWhenEveryVariantGetsTheFirstLabel(bool fails, params string[] labels) =>
        Assert.Equal(fails, BehaviourScoring.Fails(Cities, Answers(labels)));

    [Fact]
    public void Fails_WithTooFewAnswers_Throws() =>
        Assert.Throws<ArgumentException>(() => BehaviourScoring.Fails(Cities, Answers("positive")));

    [Fact]
    public void Score_GivesEachCaseItsOwnAnswers_InOrder()
    {
        var labels = new Dictionary<string, string>
        {
            ["not bad at all"] = "positive", ["it weighs 2 kg"] = "neutral",
            ["in Paris"] = "positive", ["in Oslo"] = "positive", ["in Lima"] = "negative",
        };
        var report = BehaviourScoring.Score([Positive, Cities, Neutral], texts => texts.Select(t => new Answer(labels[t], 0.9f)).ToList());

        Assert.Equal([false, true, false], report.Results.Select(r => r.Failed));
        Assert.Equal(["positive", "positive", "negative"], report.Results[1].Answers.Select(a => a.Label));
        Assert.Equal(5, report.Sentences);
    }

    [Fact]
    public void Score_BinaryModel_FailsEveryNeutralCase_AndTheOtherFigureLeavesThemOut()
    {
        var report = BehaviourScoring.Score([Positive, Neutral, Neutral, Cities], Binary);

        Assert.Equal(new Tally(4, 2), report.Overall);
        Assert.Equal(new Tally(2, 0), report.WithoutNeutral);
        Assert.Equal(0.5, report.Overall.FailureRate);
    }

    [Fact]
    public void Score_RowsFollowTheSuiteOrder_OnePerCapabilityAndType()
    {
        var inv = Positive with { Type = TestType.INV, Expected = null, Texts = ["a", "b"] };
        var report = BehaviourScoring.Score([Positive, Neutral, inv, Positive], Binary);

        Assert.Equal([("negation", TestType.MFT), ("facts", TestType.MFT), ("negation", TestType.INV)],
            report.Rows.Select(r => (r.Capability, r.Type)));
        Assert.Equal(new Tally(2, 0), report.Rows[0].Tally);
        Assert.Equal(new Tally(1, 1), report.Rows[1].Tally);
        Assert.Equal(2, report.Rows[2].Sentences);
    }

    [Fact]
    public void Score_WrongNumberOfAnswers_Throws() =>
        Assert.Throws<InvalidOperationException>(() => BehaviourScoring.Score([Cities], _ => Answers("positive")));

    [Theory]
    [InlineData(0.15, 1.0, false)] // overall 50% is above 15%
    [InlineData(0.5, 0.3, false)]  // the neutral row is at 100%
    [InlineData(0.5, 1.0, true)]
    public void Meets_ChecksTheOverallRateAndEveryRow(double overall, double perRow, bool met)
    {
        var report = BehaviourScoring.Score([Positive, Neutral], Binary);
        Assert.Equal(met, report.Meets(new SuiteTargets(overall, perRow)));
    }

    /// <summary>A fake binary model that calls everything positive.</summary>
    internal static IReadOnlyList<Answer> Binary(IReadOnlyList<string> texts) => texts.Select(_ => new Answer("positive", 0.8f)).ToList();

    private static List<Answer> Answers(params string[] labels) => labels.Select(l => new Answer(l, 0.7f)).ToList();
}
