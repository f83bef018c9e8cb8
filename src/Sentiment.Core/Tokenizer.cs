using System.Buffers;

namespace Sentiment.Core;

/// <summary>
/// Splits text into words exactly as Keras' <c>text_to_word_sequence</c>: lower-case, every filter
/// character becomes the separator, split on the separator, drop empty pieces. Only the separator
/// and filters split, so a carriage return or a non-breaking space stays inside a word, as in Keras.
/// With <see cref="TokenizerSettings.CharLevel"/> every character is a token instead, as Keras'
/// <c>char_level=True</c>: lower-cased, filters and separator ignored, spaces and punctuation kept.
/// </summary>
public sealed class Tokenizer
{
    private const int StackChars = 512;
    private readonly SearchValues<char> _separators;
    private readonly bool _lowerCase;
    private readonly bool _normalize;
    private readonly bool _charLevel;
    private readonly bool _charBigrams;
    private readonly bool _emojiNames;

    /// <summary>Creates a tokenizer for <paramref name="settings"/>, which must be valid.</summary>
    public Tokenizer(TokenizerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        _separators = SearchValues.Create(settings.Filters + settings.Split);
        _lowerCase = settings.LowerCase;
        _normalize = settings.Normalization is not null;
        _charLevel = settings.CharLevel;
        _charBigrams = settings.CharBigrams;
        _emojiNames = settings.Normalization == TextNormalizer.UserTextV2;
    }

    /// <summary>The words of <paramref name="text"/>, in order; allocates a string per word.</summary>
    public List<string> Tokenize(ReadOnlySpan<char> text)
    {
        var sink = new ListSink([]);
        Tokenize(text, ref sink);
        return sink.Words;
    }

    /// <summary>Hands each word to <paramref name="sink"/> as a span that is valid only during the call.</summary>
    internal void Tokenize<TSink>(ReadOnlySpan<char> text, ref TSink sink)
        where TSink : ITokenSink, allows ref struct
    {
        if (!_normalize)
        {
            Split(text, ref sink);
            return;
        }
        using var normalized = new CharBuffer(text.Length);
        TextNormalizer.Normalize(text, normalized, _emojiNames);
        Split(normalized.Written, ref sink);
    }

    private void Split<TSink>(ReadOnlySpan<char> text, ref TSink sink)
        where TSink : ITokenSink, allows ref struct
    {
        char[]? rented = null;
        try
        {
            int capacity = _lowerCase ? text.Length * 2 : 0; // U+0130 lower-cases to two chars
            Span<char> buffer = capacity <= StackChars
                ? stackalloc char[StackChars]
                : (rented = ArrayPool<char>.Shared.Rent(capacity));
            SplitLowered(_lowerCase ? buffer[..PythonCase.ToLower(text, buffer)] : text, ref sink);
        }
        finally
        {
            if (rented is not null)
                ArrayPool<char>.Shared.Return(rented);
        }
    }

    /// <summary>Hands each word of already lower-cased text to the sink, with its position in that text.</summary>
    private void SplitLowered<TSink>(scoped ReadOnlySpan<char> text, ref TSink sink)
        where TSink : ITokenSink, allows ref struct
    {
        if (_charLevel)
        {
            SplitCharacters(text, ref sink);
            return;
        }
        ReadOnlySpan<char> rest = text;
        while (!rest.IsEmpty)
        {
            int end = rest.IndexOfAny(_separators);
            ReadOnlySpan<char> word = end < 0 ? rest : rest[..end];
            if (!word.IsEmpty)
                sink.Add(word, text.Length - rest.Length);
            rest = end < 0 ? default : rest[(end + 1)..];
        }
    }

    // A character is a code point, as Python iterates a str: a surrogate pair is one token, a lone
    // surrogate is one too. Bigrams (our extension) follow the first character of each pair.
    private void SplitCharacters<TSink>(scoped ReadOnlySpan<char> text, ref TSink sink)
        where TSink : ITokenSink, allows ref struct
    {
        int start = 0, previous = -1;
        while (start < text.Length)
        {
            int width = char.IsHighSurrogate(text[start]) && start + 1 < text.Length && char.IsLowSurrogate(text[start + 1]) ? 2 : 1;
            if (_charBigrams && previous >= 0)
                sink.Add(text[previous..(start + width)], previous);
            sink.Add(text.Slice(start, width), start);
            previous = start;
            start += width;
        }
    }

    /// <summary>
    /// The same words as <see cref="Tokenize(ReadOnlySpan{char})"/>, each with the span of
    /// <paramref name="text"/> it came from: slower, for explanations, not for scoring.
    /// Words made from one piece of text (an emoji's name, "dont" → "do n't") share its span.
    /// </summary>
    public List<TextWord> TokenizeWithOffsets(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        using var normalized = new CharBuffer(text.Length, mapSources: true);
        if (_normalize)
            TextNormalizer.Normalize(text, normalized, _emojiNames);
        else
        {
            for (int i = 0; i < text.Length; i++)
                normalized.From(i, i + 1).Append(text[i]);
        }
        ReadOnlySpan<char> written = normalized.Written;
        var lowered = new char[_lowerCase ? written.Length * 2 : written.Length];
        int length = _lowerCase ? PythonCase.ToLower(written, lowered) : Copy(written, lowered);
        var sink = new OffsetSink([], normalized, OriginsOf(written, length));
        SplitLowered(lowered.AsSpan(0, length), ref sink);
        return sink.Words;
    }

    private static int Copy(ReadOnlySpan<char> from, Span<char> to)
    {
        from.CopyTo(to);
        return from.Length;
    }

    /// <summary>
    /// For each lower-cased character, the normalised character it came from. Lower-casing keeps the
    /// length except for a few letters that become two (U+0130 → i + combining dot), so only then
    /// is each character lower-cased alone to see how long it becomes.
    /// </summary>
    private int[]? OriginsOf(ReadOnlySpan<char> written, int loweredLength)
    {
        if (loweredLength == written.Length)
            return null; // the identity
        var origins = new int[loweredLength];
        Span<char> one = stackalloc char[8];
        int at = 0;
        for (int i = 0; i < written.Length; i++)
        {
            int width = char.IsHighSurrogate(written[i]) && i + 1 < written.Length && char.IsLowSurrogate(written[i + 1]) ? 2 : 1;
            int lowered = _lowerCase ? PythonCase.ToLower(written.Slice(i, width), one) : width;
            for (int k = 0; k < lowered && at < origins.Length; k++)
                origins[at++] = i;
            i += width - 1;
        }
        return origins;
    }

    private readonly struct OffsetSink(List<TextWord> words, CharBuffer normalized, int[]? origins) : ITokenSink
    {
        public List<TextWord> Words => words;

        public void Add(scoped ReadOnlySpan<char> word, int position)
        {
            int first = origins?[position] ?? position, last = origins?[position + word.Length - 1] ?? position + word.Length - 1;
            int start = normalized.SourceOf(first).Start, end = normalized.SourceOf(last).End;
            words.Add(new TextWord(word.ToString(), start, end - start));
        }
    }

    private readonly struct ListSink(List<string> words) : ITokenSink
    {
        public List<string> Words => words;

        public void Add(scoped ReadOnlySpan<char> word, int position) => words.Add(word.ToString());
    }
}

/// <summary>Receives the words of a text without a string being made for each.</summary>
internal interface ITokenSink
{
    /// <summary>One word, at <paramref name="position"/> of the lower-cased text.</summary>
    void Add(scoped ReadOnlySpan<char> word, int position);
}

/// <summary>A word as the tokenizer gives it, and the span of the original text it came from (UTF-16 units).</summary>
/// <param name="Text">The word the model reads: normalised and lower-cased.</param>
/// <param name="Offset">Where its source starts in the original text.</param>
/// <param name="Length">How long its source is.</param>
public readonly record struct TextWord(string Text, int Offset, int Length);
