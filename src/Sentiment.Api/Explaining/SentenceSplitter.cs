using ICU4N.Globalization;
using ICU4N.Text;

namespace Sentiment.Api.Explaining;

/// <summary>A sentence of a text: where it starts and how long it is, in UTF-16 code units.</summary>
public readonly record struct SentenceSpan(int Offset, int Length);

/// <summary>
/// Splits text into sentences with ICU's sentence break rules (UAX #29) through ICU4N, which handle
/// decimals, ellipses, emoji, quotes and a missing final stop. Two additions, each for a case the
/// rules get wrong in reviews:
/// <list type="bullet">
/// <item>no break after an abbreviation of ICU's English list (<c>en@ss=standard</c>: "Mr.", "e.g.",
///   "U.S." ...) or of <see cref="MoreAbbreviations"/>, titles that list lacks;</item>
/// <item>no break inside a web address (the rules end a sentence at the <c>?</c> of a query string).</item>
/// </list>
/// Spaces around a sentence are left out of its span; a span is never empty.
/// </summary>
public sealed class SentenceSplitter
{
    /// <summary>Titles ICU's English list lacks; none of them commonly ends a sentence.</summary>
    public static readonly IReadOnlyList<string> MoreAbbreviations = ["Dr.", "Prof.", "Rev.", "St.", "Mt.", "vs.", "approx."];

    // Building the filtered iterator reads ICU's data; each call clones it, since an iterator holds its text.
    private readonly BreakIterator _prototype;

    public SentenceSplitter()
    {
        var english = new UCultureInfo("en");
        var builder = FilteredBreakIteratorBuilder.GetInstance(english);
        foreach (string abbreviation in MoreAbbreviations)
            builder.SuppressBreakAfter(abbreviation);
        _prototype = builder.WrapIteratorWithFilter(BreakIterator.GetSentenceInstance(english));
    }

    public SentenceSpan[] Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var iterator = (BreakIterator)_prototype.Clone();
        iterator.SetText(text);
        var sentences = new List<SentenceSpan>();
        int start = iterator.First();
        for (int end = iterator.Next(); end != BreakIterator.Done; end = iterator.Next())
        {
            if (end < text.Length && InsideAddress(text, end))
                continue;
            Add(text, start, end, sentences);
            start = end;
        }
        return [.. sentences];
    }

    private static void Add(string text, int from, int to, List<SentenceSpan> sentences)
    {
        while (from < to && char.IsWhiteSpace(text[from]))
            from++;
        while (to > from && char.IsWhiteSpace(text[to - 1]))
            to--;
        if (to > from)
            sentences.Add(new SentenceSpan(from, to - from));
    }

    /// <summary>True when the break falls inside a run of non-space characters that is a web address.</summary>
    private static bool InsideAddress(string text, int at)
    {
        if (char.IsWhiteSpace(text[at]) || char.IsWhiteSpace(text[at - 1]))
            return false;
        int runStart = at - 1;
        while (runStart > 0 && !char.IsWhiteSpace(text[runStart - 1]))
            runStart--;
        var run = text.AsSpan(runStart);
        return run.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
            || run.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            || run.StartsWith("www.", StringComparison.OrdinalIgnoreCase);
    }
}
