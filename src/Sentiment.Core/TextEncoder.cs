using System.Buffers;

namespace Sentiment.Core;

/// <summary>
/// Turns text into word ids as Keras' <c>texts_to_sequences</c> followed by
/// <c>pad_sequences(truncating=...)</c> without the padding: unknown words are dropped (or become
/// the OOV id) and a long text keeps its last <see cref="TokenizerSettings.MaxLength"/> ids.
/// Allocates only the returned id array.
/// </summary>
public sealed class TextEncoder
{
    private const int StackIds = 512;
    private readonly Tokenizer _tokenizer;

    /// <summary>Creates an encoder; <paramref name="settings"/> must match the vocabulary's.</summary>
    public TextEncoder(Vocabulary vocabulary, TokenizerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        _tokenizer = new Tokenizer(settings);
        if (settings.OovToken != vocabulary.Settings.OovToken || settings.NumWords < vocabulary.EmbeddingRows
            || settings.CharLevel != vocabulary.Settings.CharLevel || settings.CharBigrams != vocabulary.Settings.CharBigrams)
            throw new ArgumentException("Tokenizer settings do not match the vocabulary (oovToken, numWords, charLevel or charBigrams).");
        Vocabulary = vocabulary;
        Settings = settings;
    }

    /// <summary>The vocabulary ids come from.</summary>
    public Vocabulary Vocabulary { get; }

    /// <summary>The tokenizer and length settings.</summary>
    public TokenizerSettings Settings { get; }

    /// <summary>The ids of <paramref name="text"/>; empty when no word is known and no OOV token is set.</summary>
    public EncodedText Encode(ReadOnlySpan<char> text)
    {
        int capacity = Settings.MaxLength;
        int[]? rented = null;
        try
        {
            Span<int> window = capacity <= StackIds
                ? stackalloc int[StackIds]
                : (rented = ArrayPool<int>.Shared.Rent(capacity));
            var sink = new IdSink(Vocabulary, window[..capacity], Settings.Truncating == "pre", Undoubles);
            _tokenizer.Tokenize(text, ref sink);
            return new EncodedText(sink.ToArray(), sink.Total, sink.Known, sink.Appended > capacity);
        }
        finally
        {
            if (rented is not null)
                ArrayPool<int>.Shared.Return(rented);
        }
    }

    // Stretched words are undone only for normalised words, never for characters.
    private bool Undoubles => Settings.Normalization is not null && !Settings.CharLevel;

    /// <summary>The vocabulary's id of <paramref name="word"/>, also tried without stretched letters when <paramref name="undouble"/>.</summary>
    private static bool TryGetId(Vocabulary vocabulary, scoped ReadOnlySpan<char> word, bool undouble, out int id) =>
        vocabulary.TryGetId(word, out id) || (undouble && TryUndoubled(vocabulary, word, out id));

    // A stretched word ("baaad" → "baad" after normalisation) is looked up once more with every
    // doubled letter single ("bad"); real double letters ("good") are found by the first lookup.
    // Not for characters: a bigram "oo" must not turn into the character "o".
    private static bool TryUndoubled(Vocabulary vocabulary, scoped ReadOnlySpan<char> word, out int id)
    {
        id = 0;
        if (word.Length > 64)
            return false;
        Span<char> single = stackalloc char[word.Length];
        int length = 0;
        foreach (char c in word)
        {
            if (length == 0 || c != single[length - 1] || !char.IsLetter(c))
                single[length++] = c;
        }
        return length < word.Length && vocabulary.TryGetId(single[..length], out id);
    }

    /// <summary>
    /// The same encoding as <see cref="Encode"/>, with every word the tokenizer produced, the span of
    /// <paramref name="text"/> it came from, and whether it is known and kept. Slower: for explanations.
    /// </summary>
    public EncodedWords EncodeWords(string text)
    {
        var words = _tokenizer.TokenizeWithOffsets(text);
        bool undouble = Undoubles;
        int oov = Vocabulary.OovId ?? 0;
        var ids = new List<int>(words.Count);
        var encoded = new EncodedWord[words.Count];
        for (int i = 0; i < words.Count; i++)
        {
            bool known = TryGetId(Vocabulary, words[i].Text, undouble, out int id);
            id = known ? id : oov;
            encoded[i] = new EncodedWord(words[i], id, known, id != 0 ? ids.Count : -1);
            if (id != 0)
                ids.Add(id);
        }
        return new EncodedWords(encoded, [.. ids], Settings.MaxLength, Settings.Truncating == "pre");
    }

    /// <summary>Collects ids into a fixed window: a ring that keeps the last ids, or a prefix that keeps the first.</summary>
    private ref struct IdSink(Vocabulary vocabulary, Span<int> window, bool keepLast, bool undouble) : ITokenSink
    {
        private readonly Span<int> _window = window;
        private readonly int _oov = vocabulary.OovId ?? 0;

        public int Total { get; private set; }
        public int Known { get; private set; }
        public int Appended { get; private set; }

        public void Add(scoped ReadOnlySpan<char> word, int position)
        {
            Total++;
            if (TryGetId(vocabulary, word, undouble, out int id))
                Known++;
            else if (_oov != 0)
                id = _oov;
            else
                return;
            if (keepLast)
                _window[Appended % _window.Length] = id;
            else if (Appended < _window.Length)
                _window[Appended] = id;
            Appended++;
        }

        public readonly int[] ToArray()
        {
            if (Appended <= _window.Length)
                return _window[..Appended].ToArray();
            if (!keepLast)
                return _window.ToArray();
            int start = Appended % _window.Length; // oldest kept id
            return [.. _window[start..], .. _window[..start]];
        }
    }
}
