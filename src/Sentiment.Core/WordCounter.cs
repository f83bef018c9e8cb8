namespace Sentiment.Core;

/// <summary>Counts words in order of first occurrence, making a string only for a new word.</summary>
internal sealed class WordCounter : ITokenSink
{
    private readonly string? _skip;
    private readonly Dictionary<string, int> _slots = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly List<string> _words = [];
    private readonly List<long> _counts = [];

    /// <param name="skip">A word never counted (the OOV token), or null.</param>
    public WordCounter(string? skip)
    {
        _skip = skip;
        _lookup = _slots.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public void Add(scoped ReadOnlySpan<char> word, int position) => Add(word);

    public void Add(scoped ReadOnlySpan<char> word)
    {
        if (_lookup.TryGetValue(word, out int slot))
        {
            _counts[slot]++;
        }
        else if (_skip is null || !word.SequenceEqual(_skip))
        {
            string text = word.ToString();
            _slots.Add(text, _words.Count);
            _words.Add(text);
            _counts.Add(1);
        }
    }

    /// <summary>Words by count descending; equal counts keep first-occurrence order.</summary>
    public IEnumerable<string> Ranked()
    {
        int[] order = [.. Enumerable.Range(0, _words.Count)];
        Array.Sort(order, (a, b) => _counts[a] != _counts[b] ? _counts[b].CompareTo(_counts[a]) : a.CompareTo(b));
        return order.Select(slot => _words[slot]);
    }
}
