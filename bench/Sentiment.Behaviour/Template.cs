using System.Text.RegularExpressions;

namespace Sentiment.Behaviour;

/// <summary><c>{slot}</c> placeholders in a template sentence.</summary>
internal static partial class Template
{
    [GeneratedRegex(@"\{([A-Za-z_][A-Za-z0-9_]*)\}")]
    private static partial Regex Placeholder();

    /// <summary>The slots a template uses, each once, in order of first appearance.</summary>
    public static IReadOnlyList<string> Slots(string template) =>
        Placeholder().Matches(template).Select(m => m.Groups[1].Value).Distinct().ToList();

    public static string Fill(string template, IReadOnlyDictionary<string, string> values) =>
        Placeholder().Replace(template, m => values[m.Groups[1].Value]);

    /// <summary>Every combination of the slots' values; the first slot changes slowest, the last fastest.</summary>
    public static IEnumerable<Dictionary<string, string>> Combinations(
        IEnumerable<string> slots, IReadOnlyDictionary<string, string[]> fillers)
    {
        IEnumerable<Dictionary<string, string>> combinations = [new()];
        foreach (string slot in slots)
        {
            combinations = combinations.SelectMany(partial =>
                fillers[slot].Select(value => new Dictionary<string, string>(partial) { [slot] = value }));
        }
        return combinations;
    }
}
