namespace Sentiment.Core;

/// <summary>One word of a text as the encoder saw it.</summary>
/// <param name="Word">The word the model reads and the span of the original text it came from.</param>
/// <param name="Id">Its vocabulary id, the OOV id, or 0 when it is unknown and dropped.</param>
/// <param name="Known">True when the vocabulary has the word.</param>
/// <param name="Index">Its place among the text's ids before truncation; -1 when dropped.</param>
public readonly record struct EncodedWord(TextWord Word, int Id, bool Known, int Index);

/// <summary>
/// A text's words and ids before truncation (<see cref="TextEncoder.EncodeWords"/>): the model input
/// <see cref="Text"/> equals <see cref="TextEncoder.Encode"/>'s, and the input without any one word
/// is the text re-encoded without it, so a word cut off by the maximum length moves into the window.
/// </summary>
public sealed class EncodedWords
{
    private readonly int _maxLength;
    private readonly bool _keepLast;

    internal EncodedWords(EncodedWord[] words, int[] ids, int maxLength, bool keepLast)
    {
        Words = words;
        AllIds = ids;
        _maxLength = maxLength;
        _keepLast = keepLast;
        int known = 0;
        foreach (var word in words)
            known += word.Known ? 1 : 0;
        Text = new EncodedText(Window(ids), words.Length, known, ids.Length > maxLength);
    }

    /// <summary>Every word, in text order.</summary>
    public IReadOnlyList<EncodedWord> Words { get; }

    /// <summary>The ids of every word that has one, before truncation.</summary>
    public IReadOnlyList<int> AllIds { get; }

    /// <summary>What the model reads.</summary>
    public EncodedText Text { get; }

    /// <summary>True when the word has an id but the maximum length leaves it out of <see cref="Text"/>.</summary>
    public bool IsCutOff(EncodedWord word)
    {
        if (word.Index < 0 || AllIds.Count <= _maxLength)
            return false;
        return _keepLast ? word.Index < AllIds.Count - _maxLength : word.Index >= _maxLength;
    }

    /// <summary>The model input of the text without <paramref name="word"/>, which must have an id.</summary>
    public EncodedText Without(EncodedWord word)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(word.Index, nameof(word));
        var ids = new int[AllIds.Count - 1];
        for (int i = 0, k = 0; i < AllIds.Count; i++)
        {
            if (i != word.Index)
                ids[k++] = AllIds[i];
        }
        return new EncodedText(Window(ids), Text.TotalTokens - 1, Text.KnownTokens - (word.Known ? 1 : 0), ids.Length > _maxLength);
    }

    // Keras' pad_sequences(truncating=...): keep the last ids ("pre") or the first ("post").
    private int[] Window(int[] ids) =>
        ids.Length <= _maxLength ? ids : _keepLast ? ids[^_maxLength..] : ids[.._maxLength];
}
