using System.Text.Json.Serialization;

namespace Sentiment.Core;

/// <summary>
/// How text becomes word ids; the defaults are those of the Keras <c>Tokenizer</c>
/// (<c>keras_preprocessing.text</c>) and <c>pad_sequences(truncating="pre")</c>.
/// </summary>
/// <param name="NumWords">Words with id below this are kept, so at most <c>NumWords - 1</c> ids exist (the OOV token included).</param>
/// <param name="MaxLength">Most ids fed to the model for one text.</param>
/// <param name="LowerCase">Lower-case the text first, as Python's <c>str.lower()</c> does.</param>
/// <param name="Filters">Characters replaced by <paramref name="Split"/> before splitting.</param>
/// <param name="Split">The one separator character.</param>
/// <param name="OovToken">When set, unknown and cut-off words map to id 1 instead of being dropped.</param>
/// <param name="Truncating"><c>"pre"</c> keeps the last <paramref name="MaxLength"/> ids of a long text, <c>"post"</c> the first.</param>
/// <param name="Normalization">Rules applied before the Keras steps (<see cref="TextNormalizer"/>), or null for none, as in Keras.</param>
public sealed record TokenizerSettings(
    int NumWords = 2500,
    int MaxLength = 200,
    bool LowerCase = true,
    string Filters = TokenizerSettings.KerasFilters,
    string Split = " ",
    string? OovToken = null,
    string Truncating = "pre",
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Normalization = null)
{
    /// <summary>The Keras default filters: ASCII punctuation except the apostrophe, plus tab and newline.</summary>
    public const string KerasFilters = "!\"#$%&()*+,-./:;<=>?@[\\]^_`{|}~\t\n";

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting that cannot be used.</summary>
    public void Validate()
    {
        if (NumWords < 2)
            throw new ArgumentException($"numWords must be at least 2, was {NumWords}.");
        if (MaxLength < 1)
            throw new ArgumentException($"maxLength must be at least 1, was {MaxLength}.");
        // Keras also accepts a longer separator, with effects nobody relies on.
        if (Split is null || Split.Length != 1 || char.IsSurrogate(Split[0]))
            throw new ArgumentException("split must be exactly one character.");
        if (Filters is null || Filters.Any(char.IsSurrogate))
            throw new ArgumentException("filters must be characters of the Basic Multilingual Plane.");
        if (OovToken is { Length: 0 })
            throw new ArgumentException("oovToken must be null or a non-empty word.");
        if (Truncating is not ("pre" or "post"))
            throw new ArgumentException($"truncating must be \"pre\" or \"post\", was \"{Truncating}\".");
        if (!TextNormalizer.IsKnown(Normalization))
            throw new ArgumentException(
                $"normalization must be absent, \"{TextNormalizer.UserTextV1}\" or \"{TextNormalizer.UserTextV2}\", was \"{Normalization}\".");
    }
}
