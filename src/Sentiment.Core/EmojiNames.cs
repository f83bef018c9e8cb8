using System.Collections.Concurrent;
using ICU4N;

namespace Sentiment.Core;

/// <summary>
/// The Unicode name of an emoji in lower case, with hyphens as spaces (😞 → <c>disappointed face</c>),
/// from ICU's character data, so the names are those of the Unicode standard and not a list kept here.
/// </summary>
internal static class EmojiNames
{
    // Emoji are a few thousand code points, so the cache stays small; ICU's lookup is slower than a dictionary.
    private static readonly ConcurrentDictionary<int, string?> Cache = new();

    /// <summary>The name words, or null for a code point without a useful name.</summary>
    public static string? Of(int codePoint) => Cache.GetOrAdd(codePoint, Lookup);

    private static string? Lookup(int codePoint)
    {
        // Flags are pairs of regional-indicator letters; "regional indicator symbol letter u" says nothing.
        if (codePoint is >= 0x1F1E6 and <= 0x1F1FF)
            return null;
        string? name = UChar.GetName(codePoint);
        return string.IsNullOrEmpty(name) ? null : name.ToLowerInvariant().Replace('-', ' ');
    }
}
