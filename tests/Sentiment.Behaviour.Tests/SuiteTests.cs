using Sentiment.TestKit;
namespace Sentiment.Behaviour.Tests;

public class SuiteTests
{
    private const string Mft = """{ "name": "t", "type": "MFT", "label": "positive", "templates": ["{a} {b}"], "slots": { "a": ["1", "2"], "b": ["x", "y"] } }""";
    private const string Inv = """{ "name": "t", "type": "INV", "vary": "city", "templates": ["{city} was {adj}."], "slots": { "city": ["Paris", "Oslo", "Lima"], "adj": ["great", "awful"] } }""";

    [Fact]
    public void Expand_Mft_GivesOneCasePerCombination_LastSlotFastest()
    {
        var cases = Expand(Mft);
        Assert.Equal(["1 x", "1 y", "2 x", "2 y"], cases.Select(c => c.Texts.Single()));
        Assert.All(cases, c => Assert.Equal("positive", c.Expected));
    }

    [Fact]
    public void Expand_Inv_GivesOneGroupPerValueOfTheOtherSlots()
    {
        var cases = Expand(Inv);
        Assert.Equal(2, cases.Count);
        Assert.Equal(["Paris was great.", "Oslo was great.", "Lima was great."], cases[0].Texts);
        Assert.Equal(["Paris was awful.", "Oslo was awful.", "Lima was awful."], cases[1].Texts);
        Assert.All(cases, c => Assert.Null(c.Expected));
    }

    [Fact]
    public void Expand_TemplateWithoutSlots_IsOneCase()
    {
        var cases = Expand("""{ "name": "t", "type": "MFT", "label": "neutral", "templates": ["The store opens at 9 am."] }""");
        Assert.Equal("The store opens at 9 am.", Assert.Single(cases).Texts.Single());
    }

    [Theory]
    [InlineData("""{ "name": "t", "type": "MFT", "templates": ["fine"] }""", "needs a label")]
    [InlineData("""{ "name": "t", "type": "MFT", "label": "unknown", "templates": ["fine"] }""", "needs a label")]
    [InlineData("""{ "name": "t", "type": "MFT", "label": "positive", "templates": [] }""", "has no templates")]
    [InlineData("""{ "name": "t", "type": "MFT", "label": "positive", "templates": ["{x} is fine"] }""", "uses {x}, which has no values")]
    [InlineData("""{ "name": "t", "type": "MFT", "label": "positive", "templates": ["fine"], "slots": { "x": ["a"] } }""", "slot \"x\" is used by no template")]
    [InlineData("""{ "name": "t", "type": "INV", "label": "positive", "vary": "x", "templates": ["{x}"], "slots": { "x": ["a", "b"] } }""", "takes none")]
    [InlineData("""{ "name": "t", "type": "INV", "vary": "x", "templates": ["{x}"], "slots": { "x": ["a"] } }""", "at least two values")]
    [InlineData("""{ "name": "t", "type": "INV", "vary": "x", "templates": ["{x}", "plain"], "slots": { "x": ["a", "b"] } }""", "does not use {x}")]
    [InlineData("""{ "name": "t", "type": "MFT", "lable": "positive", "templates": ["fine"] }""", "lable")]
    [InlineData("""{ "name": "t", "type": "DIR", "label": "positive", "templates": ["fine"] }""", "tests[0].type")]
    public void Load_BrokenTest_FailsNamingTheFileAndTheRule(string test, string message)
    {
        using var folder = new TempFolder();
        string path = folder.File("suite.json", SuiteJson(test));
        var e = Assert.Throws<SuiteException>(() => Suite.Load(path));
        Assert.StartsWith(path, e.Message);
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void Load_MissingFile_SaysSo()
    {
        using var folder = new TempFolder();
        var e = Assert.Throws<SuiteException>(() => Suite.Load(Path.Combine(folder.Path, "none.json")));
        Assert.Contains("missing", e.Message);
    }

    internal static string SuiteJson(string test) =>
        $$"""{ "description": "d", "targets": { "overallFailureRate": 0.15, "capabilityFailureRate": 0.3 }, "capabilities": [{ "name": "c", "tests": [{{test}}] }] }""";

    private static IReadOnlyList<BehaviourCase> Expand(string test)
    {
        using var folder = new TempFolder();
        return SuiteExpansion.Expand(Suite.Load(folder.File("suite.json", SuiteJson(test))));
    }
}
