namespace Sentiment.Behaviour;

/// <summary>
/// One judged case. An MFT case holds one sentence that must get <see cref="Expected"/>; an INV case
/// holds the variants of one template instance, which must all get the first variant's label.
/// </summary>
internal sealed record BehaviourCase(string Capability, TestType Type, string Test, string? Expected, IReadOnlyList<string> Texts);

internal static class SuiteExpansion
{
    /// <summary>Expands every template in file order; the same suite always gives the same cases in the same order.</summary>
    public static IReadOnlyList<BehaviourCase> Expand(Suite suite)
    {
        var cases = new List<BehaviourCase>();
        foreach (var capability in suite.Capabilities)
        {
            foreach (var test in capability.Tests)
            {
                foreach (string template in test.Templates)
                    cases.AddRange(Expand(capability.Name, test, template));
            }
        }
        return cases;
    }

    private static IEnumerable<BehaviourCase> Expand(string capability, SuiteTest test, string template)
    {
        // The varied slot is left out of the outer combinations: each combination is one INV group.
        var outer = Template.Slots(template).Where(slot => slot != test.Vary);
        foreach (var values in Template.Combinations(outer, test.Fillers))
        {
            IReadOnlyList<string> texts = test.Type == TestType.INV
                ? test.Fillers[test.Vary!].Select(variant => Template.Fill(template, new Dictionary<string, string>(values) { [test.Vary!] = variant })).ToList()
                : [Template.Fill(template, values)];
            yield return new BehaviourCase(capability, test.Type, test.Name, test.Label, texts);
        }
    }
}
