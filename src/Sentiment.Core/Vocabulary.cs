using System.Text.Json;

namespace Sentiment.Core;

/// <summary>
/// The kept words and their ids: word <c>Words[k]</c> has id <c>k + 1</c>; id 0 is padding.
/// With an OOV token it is <c>Words[0]</c> (id 1), as in Keras.
/// </summary>
public sealed class Vocabulary
{
    private readonly string[] _words;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _ids;

    private Vocabulary(string[] words, TokenizerSettings settings)
    {
        var ids = new Dictionary<string, int>(words.Length, StringComparer.Ordinal);
        for (int i = 0; i < words.Length; i++)
        {
            if (string.IsNullOrEmpty(words[i]) || !ids.TryAdd(words[i], i + 1))
                throw new InvalidDataException($"Vocabulary entry {i} is empty or repeated: \"{words[i]}\".");
        }
        _words = words;
        _ids = ids.GetAlternateLookup<ReadOnlySpan<char>>();
        Settings = settings;
    }

    /// <summary>The settings the vocabulary was fitted or loaded with.</summary>
    public TokenizerSettings Settings { get; }

    /// <summary>Kept words in id order, starting at id 1.</summary>
    public IReadOnlyList<string> Words => _words;

    /// <summary>Rows of the embedding matrix: one per word plus padding row 0.</summary>
    public int EmbeddingRows => _words.Length + 1;

    /// <summary>The id unknown words map to, or null when they are dropped.</summary>
    public int? OovId => Settings.OovToken is null ? null : 1;

    /// <summary>Looks a lower-cased word up without allocating.</summary>
    public bool TryGetId(ReadOnlySpan<char> word, out int id) => _ids.TryGetValue(word, out id);

    /// <summary>
    /// Ranks the words of <paramref name="texts"/> by count, ties by first occurrence (Keras'
    /// stable sort over an insertion-ordered dict), and keeps ids 1..NumWords-1.
    /// </summary>
    /// <remarks>
    /// Keras also counts the OOV token when it occurs as a word, which gives it a second id and
    /// sends unknown words there; here it is not counted and keeps id 1.
    /// </remarks>
    public static Vocabulary Fit(IEnumerable<string> texts, TokenizerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var tokenizer = new Tokenizer(settings);
        var counter = new WordCounter(settings.OovToken);
        foreach (string text in texts)
            tokenizer.Tokenize(text, ref counter);
        int keep = settings.NumWords - 1 - (settings.OovToken is null ? 0 : 1);
        var words = new List<string>(keep + 1);
        if (settings.OovToken is not null)
            words.Add(settings.OovToken);
        words.AddRange(counter.Ranked().Take(keep));
        return new Vocabulary([.. words], settings);
    }

    /// <summary>Writes the words as an indented JSON array of strings (<c>vocab.json</c>).</summary>
    public void Save(Stream stream) => JsonSerializer.Serialize(stream, _words, CoreJson.Options);

    /// <summary>Reads a <c>vocab.json</c> array and checks it against <paramref name="settings"/>.</summary>
    /// <exception cref="InvalidDataException">The array is malformed or does not fit the settings.</exception>
    public static Vocabulary Load(Stream stream, TokenizerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        string[] words;
        try
        {
            words = JsonSerializer.Deserialize<string[]>(stream, CoreJson.Options)
                ?? throw new InvalidDataException("Vocabulary is null, expected a JSON array of strings.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"Vocabulary is not a JSON array of strings: {e.Message}", e);
        }
        return FromWords(words, settings);
    }

    /// <summary>A vocabulary of <paramref name="words"/> in id order (id 1 first), checked against <paramref name="settings"/>.</summary>
    /// <exception cref="InvalidDataException">The words do not fit the settings, or one is empty or repeated.</exception>
    public static Vocabulary FromWords(IReadOnlyList<string> words, TokenizerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(words);
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        if (words.Count > settings.NumWords - 1)
            throw new InvalidDataException($"Vocabulary has {words.Count} words, more than numWords - 1 = {settings.NumWords - 1}.");
        if (settings.OovToken is not null && (words.Count == 0 || words[0] != settings.OovToken))
            throw new InvalidDataException($"Vocabulary must start with the OOV token \"{settings.OovToken}\".");
        return new Vocabulary([.. words], settings);
    }
}
