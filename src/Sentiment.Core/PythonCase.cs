using System.Globalization;
using System.Text;

namespace Sentiment.Core;

/// <summary>
/// Lower-cases like Python 3's <c>str.lower()</c>: the invariant simple mapping plus the two
/// full mappings Python applies, U+0130 (İ to "i̇") and the Greek final sigma.
/// Code points added after Unicode 14 may differ, since .NET knows newer versions than Python 3.11.
/// </summary>
internal static class PythonCase
{
    /// <summary>Writes the lower-cased <paramref name="text"/>; the destination needs twice its length.</summary>
    public static int ToLower(ReadOnlySpan<char> text, Span<char> destination)
    {
        int written = 0;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c < 0x80)
            {
                destination[written++] = char.IsAsciiLetterUpper(c) ? (char)(c | 0x20) : c;
            }
            else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                written += Rune.ToLowerInvariant(new Rune(c, text[++i])).EncodeToUtf16(destination[written..]);
            }
            else if (c == '\u0130')
            {
                destination[written++] = 'i';
                destination[written++] = '\u0307'; // combining dot above, SpecialCasing.txt
            }
            else if (c == '\u03A3')
            {
                destination[written++] = IsFinalSigma(text, i) ? '\u03C2' : '\u03C3';
            }
            else
            {
                destination[written++] = char.ToLowerInvariant(c);
            }
        }
        return written;
    }

    // Final_Sigma: a cased letter before it and none after it, skipping case-ignorables both ways.
    private static bool IsFinalSigma(ReadOnlySpan<char> text, int index) =>
        FirstNotIgnorable(text[..index], backwards: true) is { } before && IsCased(before)
        && (FirstNotIgnorable(text[(index + 1)..], backwards: false) is not { } after || !IsCased(after));

    private static Rune? FirstNotIgnorable(ReadOnlySpan<char> text, bool backwards)
    {
        while (!text.IsEmpty)
        {
            // A lone surrogate decodes as U+FFFD, which is neither cased nor ignorable.
            int used;
            Rune rune;
            if (backwards)
                Rune.DecodeLastFromUtf16(text, out rune, out used);
            else
                Rune.DecodeFromUtf16(text, out rune, out used);
            if (!IsCaseIgnorable(rune))
                return rune;
            text = backwards ? text[..^used] : text[used..];
        }
        return null;
    }

    private static bool IsCased(Rune rune) =>
        Rune.GetUnicodeCategory(rune) is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter
            or UnicodeCategory.TitlecaseLetter
        || Rune.ToLowerInvariant(rune) != rune || Rune.ToUpperInvariant(rune) != rune;

    // Case_Ignorable: marks, format and modifier characters, and the word-internal punctuation
    // of Word_Break MidLetter, MidNumLet and Single_Quote.
    private static bool IsCaseIgnorable(Rune rune) =>
        Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark
            or UnicodeCategory.Format or UnicodeCategory.ModifierLetter or UnicodeCategory.ModifierSymbol
        || rune.Value is '\'' or '.' or ':' or 0xB7 or 0x387 or 0x55F or 0x5F4 or 0x2018 or 0x2019
            or 0x2024 or 0x2027 or 0xFE13 or 0xFE52 or 0xFE55 or 0xFF07 or 0xFF0E or 0xFF1A;
}
