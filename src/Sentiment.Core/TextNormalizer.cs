using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace Sentiment.Core;

/// <summary>
/// Rewrites text as users write it into the spelling the training data uses, before the Keras
/// tokenizer sees it (<see cref="TokenizerSettings.Normalization"/> = <see cref="UserTextV1"/>):
/// <list type="bullet">
/// <item>HTML line breaks (<c>&lt;br /&gt;</c>), web addresses and @mentions become spaces;</item>
/// <item>contractions take the Penn-Treebank spelling of the SST data, whichever way they were typed:
///   <c>don't</c>, <c>don’t</c>, <c>dont</c> and <c>do n't</c> all become <c>do n't</c>; <c>it's</c> becomes <c>it 's</c>;</item>
/// <item>quote marks made of apostrophes (<c>''</c>, <c>'word'</c>) are dropped, so only clitics keep one;</item>
/// <item>emoticons become the emoji they stand for (<c>:)</c> → 🙂, <c>&lt;3</c> → ❤), since the Keras filters
///   would delete their punctuation, and every emoji is set apart as a word of its own;</item>
/// <item>a letter repeated three or more times is cut to two (<c>sooo</c> → <c>soo</c>);
///   <see cref="TextEncoder"/> then also tries the word with every double letter single (<c>soo</c> → <c>so</c>).</item>
/// </list>
/// <see cref="UserTextV2"/> does all of that and also writes each emoji's Unicode name after it
/// (😞 → <c>😞 disappointed face</c>): the training data holds few emoji, but the words of their names
/// are common, so the model can read a face it has rarely or never seen.
/// The rules are fixed for a given name; a change of rules gets a new name, so a bundle always
/// reads text the way it was trained.
/// </summary>
public static class TextNormalizer
{
    /// <summary>The rules above, version 1.</summary>
    public const string UserTextV1 = "user-text-v1";

    /// <summary>Version 1 plus the Unicode name of every emoji.</summary>
    public const string UserTextV2 = "user-text-v2";

    /// <summary>True for the names this code implements (null means none).</summary>
    public static bool IsKnown(string? name) => name is null or UserTextV1 or UserTextV2;

    /// <summary>The normalised text as a new string (for tests and tools; the encoder uses the span overload).</summary>
    public static string Normalize(string text, string rules = UserTextV1)
    {
        using var output = new CharBuffer(text.Length);
        Normalize(text, output, emojiNames: rules == UserTextV2);
        return output.Written.ToString();
    }

    internal static void Normalize(ReadOnlySpan<char> text, CharBuffer output, bool emojiNames)
    {
        int i = 0;
        while (i < text.Length)
        {
            bool wordStart = i == 0 || !char.IsLetterOrDigit(text[i - 1]);
            if (TrySkipBreak(text, i, out int next) || (wordStart && TrySkipAddress(text, i, out next)))
            {
                output.Append(' ');
                i = next;
            }
            else if (TryEmoticon(text, i, out string? emoji, out next))
            {
                output.From(i, next); // the emoji and its name words stand for the emoticon
                AppendEmoji(emoji, char.ConvertToUtf32(emoji, 0), output, emojiNames);
                i = next;
            }
            else if (Rune.DecodeFromUtf16(text[i..], out Rune rune, out int runeLength) == OperationStatus.Done && IsEmojiPart(rune.Value))
            {
                if (IsEmoji(rune.Value))
                {
                    output.From(i, i + runeLength);
                    AppendEmoji(text.Slice(i, runeLength), rune.Value, output, emojiNames);
                }
                i += runeLength;
            }
            else if (IsWordChar(text[i]))
            {
                int end = i;
                while (end < text.Length && IsWordChar(text[end]))
                    end++;
                AppendWord(text[i..end], i, output);
                i = end;
            }
            else
            {
                output.From(i, i + 1).Append(text[i]);
                i++;
            }
        }
    }

    private static void AppendEmoji(ReadOnlySpan<char> emoji, int codePoint, CharBuffer output, bool withName)
    {
        output.Append(' ').Append(emoji).Append(' ');
        if (withName && EmojiNames.Of(codePoint) is { } name)
            output.Append(name).Append(' ');
    }

    private static readonly string[] Clitics = ["n't", "'s", "'re", "'ve", "'ll", "'d", "'m"];

    // Contractions typed without their apostrophe, as in tweets; "its" and "wed" are real words and stay.
    private static readonly Dictionary<string, string> Unmarked = new(StringComparer.OrdinalIgnoreCase)
    {
        ["dont"] = "do n't", ["doesnt"] = "does n't", ["didnt"] = "did n't", ["isnt"] = "is n't",
        ["wasnt"] = "was n't", ["arent"] = "are n't", ["werent"] = "were n't", ["cant"] = "ca n't",
        ["wont"] = "wo n't", ["couldnt"] = "could n't", ["wouldnt"] = "would n't", ["shouldnt"] = "should n't",
        ["havent"] = "have n't", ["hasnt"] = "has n't", ["hadnt"] = "had n't", ["aint"] = "ai n't",
        ["cannot"] = "can not", ["im"] = "i 'm", ["ive"] = "i 've", ["youre"] = "you 're",
        ["theyre"] = "they 're", ["thats"] = "that 's",
    };

    /// <summary>
    /// One run of letters, digits and apostrophes (starting at <paramref name="rawStart"/> of the text):
    /// quotes dropped, stretches cut, clitics split off. When the output maps sources, each part is
    /// traced to the characters it came from, so "don't" gives "do" and "n't" their own spans.
    /// </summary>
    private static void AppendWord(ReadOnlySpan<char> raw, int rawStart, CharBuffer output)
    {
        Span<char> word = raw.Length <= 256 ? stackalloc char[raw.Length] : new char[raw.Length];
        // at[k]: where word[k] is in raw; at[length] is raw's end, so a slice [a, b) of word came from raw[at[a]..at[b]].
        Span<int> at = !output.MapsSources ? default : raw.Length < 256 ? stackalloc int[raw.Length + 1] : new int[raw.Length + 1];
        int length = 0;
        for (int j = 0; j < raw.Length; j++)
        {
            char mapped = IsApostrophe(raw[j]) ? '\'' : raw[j];
            // Keep at most two of the same letter in a row.
            if (length >= 2 && char.IsLetter(mapped) && word[length - 1] == mapped && word[length - 2] == mapped)
                continue;
            if (!at.IsEmpty)
                at[length] = j;
            word[length++] = mapped;
        }
        if (!at.IsEmpty)
            at[length] = raw.Length;
        int start = 0, end = length;
        while (end > start && word[end - 1] == '\'')
            end--;
        // A leading apostrophe opens a quote unless the word is a clitic written apart ("'s", "n't").
        if (end > start && word[start] == '\'' && !IsClitic(word[start..end]))
        {
            while (start < end && word[start] == '\'')
                start++;
        }
        ReadOnlySpan<char> w = word[start..end];
        if (w.IsEmpty)
        {
            output.Append(' ');
            return;
        }
        if (!at.IsEmpty)
            output.From(rawStart + at[start], rawStart + at[end]);
        if (Unmarked.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(w, out string? spelled))
        {
            output.Append(spelled);
            return;
        }
        foreach (string clitic in Clitics)
        {
            if (w.Length > clitic.Length && w.EndsWith(clitic, StringComparison.OrdinalIgnoreCase)
                && char.IsLetter(w[w.Length - clitic.Length - 1]))
            {
                int split = end - clitic.Length;
                if (!at.IsEmpty)
                    output.From(rawStart + at[start], rawStart + at[split]);
                output.Append(w[..^clitic.Length]);
                if (!at.IsEmpty)
                    output.From(rawStart + at[split], rawStart + at[end]);
                output.Append(' ').Append(w[^clitic.Length..]);
                return;
            }
        }
        output.Append(w);
    }

    private static bool IsClitic(ReadOnlySpan<char> word)
    {
        foreach (string clitic in Clitics)
        {
            if (word.Equals(clitic, StringComparison.OrdinalIgnoreCase))
                return true;
        }
        return false;
    }

    private static bool IsWordChar(char c) =>
        char.IsLetterOrDigit(c) || IsApostrophe(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark;

    private static bool IsApostrophe(char c) => c is '\'' or '\u2019' or '\u2018' or '\u02BC';

    /// <summary><c>&lt;br&gt;</c>, <c>&lt;br/&gt;</c> or <c>&lt;br /&gt;</c>, in any case.</summary>
    private static bool TrySkipBreak(ReadOnlySpan<char> text, int i, out int next)
    {
        next = i;
        if (!text[i..].StartsWith("<br", StringComparison.OrdinalIgnoreCase))
            return false;
        int j = i + 3;
        while (j < text.Length && text[j] == ' ')
            j++;
        if (j < text.Length && text[j] == '/')
            j++;
        if (j >= text.Length || text[j] != '>')
            return false;
        next = j + 1;
        return true;
    }

    /// <summary>A web address or an @mention, up to the next white space.</summary>
    private static bool TrySkipAddress(ReadOnlySpan<char> text, int i, out int next)
    {
        ReadOnlySpan<char> rest = text[i..];
        bool address = rest.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
            || rest.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            || rest.StartsWith("www.", StringComparison.OrdinalIgnoreCase);
        bool mention = rest.Length > 1 && rest[0] == '@' && (char.IsLetterOrDigit(rest[1]) || rest[1] == '_');
        next = i;
        if (!address && !mention)
            return false;
        next = i + 1;
        while (next < text.Length && (address ? !char.IsWhiteSpace(text[next]) : char.IsLetterOrDigit(text[next]) || text[next] == '_'))
            next++;
        return true;
    }

    private static readonly (string Emoticon, string Emoji)[] Emoticons =
    [
        (":'-(", "\U0001F622"), (":'(", "\U0001F622"),
        (":-)", "\U0001F642"), (":o)", "\U0001F642"), (":)", "\U0001F642"), (":]", "\U0001F642"), ("=)", "\U0001F642"),
        (":-D", "\U0001F600"), (":D", "\U0001F600"), ("=D", "\U0001F600"),
        (";-)", "\U0001F609"), (";)", "\U0001F609"),
        (":-(", "\U0001F641"), (":(", "\U0001F641"), (":[", "\U0001F641"), ("=(", "\U0001F641"),
        (":-P", "\U0001F61B"), (":P", "\U0001F61B"), (":-p", "\U0001F61B"), (":p", "\U0001F61B"),
        ("</3", "\U0001F494"), ("<3", "\u2764"),
    ];

    private static bool TryEmoticon(ReadOnlySpan<char> text, int i, [NotNullWhen(true)] out string? emoji, out int next)
    {
        foreach (var (emoticon, picture) in Emoticons)
        {
            if (!text[i..].StartsWith(emoticon, StringComparison.Ordinal))
                continue;
            int end = i + emoticon.Length;
            bool endsInLetter = char.IsLetterOrDigit(emoticon[^1]);
            // ":Done" and "1<3" are not faces.
            if ((endsInLetter && end < text.Length && char.IsLetterOrDigit(text[end]))
                || (emoticon[0] == '<' && ((i > 0 && char.IsDigit(text[i - 1])) || (end < text.Length && char.IsDigit(text[end])))))
                continue;
            emoji = picture;
            next = end;
            return true;
        }
        emoji = null;
        next = i;
        return false;
    }

    /// <summary>Emoji, and the joiners, variation selectors and skin tones that only modify one.</summary>
    private static bool IsEmojiPart(int codePoint) => IsEmoji(codePoint) || IsModifier(codePoint);

    private static bool IsModifier(int codePoint) =>
        codePoint is 0x200D or 0xFE0E or 0xFE0F or (>= 0x1F3FB and <= 0x1F3FF);

    private static bool IsEmoji(int codePoint) => !IsModifier(codePoint) && codePoint is
        (>= 0x1F000 and <= 0x1FAFF) or (>= 0x2600 and <= 0x27BF) or 0x2B50 or 0x2B55 or 0x2B06 or 0x2B07;
}
