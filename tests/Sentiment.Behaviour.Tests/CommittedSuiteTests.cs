namespace Sentiment.Behaviour.Tests;

public class CommittedSuiteTests
{
    private static readonly string[] Capabilities =
    [
        "negation", "contrast (but)", "intensifiers and hedges", "emoji and emoticons", "contractions",
        "typos and stretched words", "neutral facts", "invariance: names and cities", "invariance: neutral additions",
    ];

    private static readonly IReadOnlyList<BehaviourCase> Cases = SuiteExpansion.Expand(Suite.Load(TestFiles.Suite));

    [Fact]
    public void Suite_ExpandsToAtLeast300Sentences() =>
        Assert.True(Cases.Sum(c => c.Texts.Count) >= 300, $"only {Cases.Sum(c => c.Texts.Count)} sentences");

    [Fact]
    public void Suite_HasEveryCapability_WithAtLeast25Cases()
    {
        Assert.Equal(Capabilities, Cases.Select(c => c.Capability).Distinct());
        foreach (var capability in Cases.GroupBy(c => c.Capability))
            Assert.True(capability.Count() >= 25, $"{capability.Key} has {capability.Count()} cases");
    }

    [Fact]
    public void Suite_ExpectsOnlyTheThreeLabels_AndInvarianceExpectsNone()
    {
        foreach (var c in Cases)
        {
            if (c.Type == TestType.MFT)
                Assert.Contains(c.Expected, Suite.Labels);
            else
                Assert.Null(c.Expected);
        }
        Assert.Equal(Suite.Labels, Cases.Select(c => c.Expected).OfType<string>().Distinct().Order());
    }

    [Fact]
    public void Suite_InvarianceGroups_HoldAtLeastTwoDifferentSentences()
    {
        var groups = Cases.Where(c => c.Type == TestType.INV).ToList();
        Assert.NotEmpty(groups);
        Assert.All(groups, g => Assert.True(g.Texts.Distinct().Count() >= 2, string.Join(" | ", g.Texts)));
    }

    [Fact]
    public void Suite_HasNoSentenceTwice_NorAnUnfilledSlot()
    {
        var texts = Cases.SelectMany(c => c.Texts).ToList();
        Assert.Equal(texts.Count, texts.Distinct().Count());
        Assert.DoesNotContain(texts, t => t.Contains('{') || t.Contains('}'));
    }

    [Fact]
    public void Suite_ExpandsTheSameWay_EveryTime()
    {
        var again = SuiteExpansion.Expand(Suite.Load(TestFiles.Suite));
        Assert.Equal(Cases.SelectMany(c => c.Texts), again.SelectMany(c => c.Texts));
        Assert.Equal(Cases.Select(c => c.Expected), again.Select(c => c.Expected));
    }
}
