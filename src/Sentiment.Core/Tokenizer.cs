using System.Buffers;

namespace Sentiment.Core;

/// <summary>
/// Splits text into words exactly as Keras' <c>text_to_word_sequence</c>: lower-case, every filter
/// character becomes the separator, split on the separator, drop empty pieces. Only the separator
/// and filters split, so a carriage return or a non-breaking space stays inside a word, as in Keras.
/// </summary>
public sealed class Tokenizer
{
    private const int StackChars = 512;
    private readonly SearchValues<char> _separators;
    private readonly bool _lowerCase;
    private readonly bool _normalize;
    private readonly bool _emojiNames;

    /// <summary>Creates a tokenizer for <paramref name="settings"/>, which must be valid.</summary>
    public Tokenizer(TokenizerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        _separators = SearchValues.Create(settings.Filters + settings.Split);
        _lowerCase = settings.LowerCase;
        _normalize = settings.Normalization is not null;
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
            ReadOnlySpan<char> rest = _lowerCase ? buffer[..PythonCase.ToLower(text, buffer)] : text;
            while (!rest.IsEmpty)
            {
                int end = rest.IndexOfAny(_separators);
                ReadOnlySpan<char> word = end < 0 ? rest : rest[..end];
                if (!word.IsEmpty)
                    sink.Add(word);
                rest = end < 0 ? default : rest[(end + 1)..];
            }
        }
        finally
        {
            if (rented is not null)
                ArrayPool<char>.Shared.Return(rented);
        }
    }

    private readonly struct ListSink(List<string> words) : ITokenSink
    {
        public List<string> Words => words;

        public void Add(scoped ReadOnlySpan<char> word) => words.Add(word.ToString());
    }
}

/// <summary>Receives the words of a text without a string being made for each.</summary>
internal interface ITokenSink
{
    void Add(scoped ReadOnlySpan<char> word);
}
