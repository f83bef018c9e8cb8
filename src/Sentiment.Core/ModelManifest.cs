using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Sentiment.Core;

/// <summary>
/// <c>model.json</c>: what a bundle holds and how it was made. Stored as camelCase JSON.
/// </summary>
/// <param name="FormatVersion">Bundle layout version; only <see cref="CurrentFormatVersion"/> is read.</param>
/// <param name="Name">Model name, e.g. <c>sentiment-lstm</c>.</param>
/// <param name="Version">Model version, e.g. <c>1.0.0</c>.</param>
/// <param name="CreatedUtc">When the bundle was written.</param>
/// <param name="Labels">Class labels in the order of the model's output columns.</param>
/// <param name="Tokenizer">Text pipeline settings the model was trained with.</param>
/// <param name="Onnx">The ONNX graph file and its tensor names.</param>
/// <param name="Vocabulary">The vocabulary file.</param>
/// <param name="Architecture">Layer sizes, checked against the graph and vocabulary.</param>
/// <param name="Training">Free-form training settings and timings.</param>
/// <param name="Data">Row counts of the data splits.</param>
/// <param name="Metrics">Evaluation reports.</param>
/// <param name="Calibration">The temperature inside the graph and how it was fitted; absent for an uncalibrated model.</param>
/// <param name="Coverage">The share of known words below which answers carry a warning; absent means <see cref="DefaultCoverage"/>.</param>
/// <param name="Language">The language of the texts the model reads, as an ISO 639-1 code; absent means <see cref="DefaultLanguage"/>.</param>
public sealed record ModelManifest(
    int FormatVersion,
    string Name,
    string Version,
    DateTimeOffset CreatedUtc,
    IReadOnlyList<string> Labels,
    TokenizerSettings Tokenizer,
    OnnxInfo Onnx,
    VocabularyInfo Vocabulary,
    ArchitectureInfo Architecture,
    JsonObject? Training = null,
    DataInfo? Data = null,
    MetricsInfo? Metrics = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] CalibrationInfo? Calibration = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] CoverageInfo? Coverage = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Language = null)
{
    /// <summary>The language of a manifest that states none: bundles written before the field existed are English.</summary>
    public const string DefaultLanguage = "en";

    /// <summary><see cref="Language"/>, or <see cref="DefaultLanguage"/> when absent.</summary>
    [JsonIgnore]
    public string LanguageOrDefault => Language ?? DefaultLanguage;

    /// <summary>True for a two-letter lower-case code, the shape of ISO 639-1 (the list itself is not checked).</summary>
    public static bool IsLanguageCode(string? code) => code is [>= 'a' and <= 'z', >= 'a' and <= 'z'];

    /// <summary>The answer for a text with no known word, so never a label of the model.</summary>
    public const string ReservedLabel = "unknown";

    /// <summary>The coverage rule of a manifest that states none: warn below half the words known.</summary>
    public static readonly CoverageInfo DefaultCoverage = new(0.5);

    /// <summary>The temperature inside the graph (1 when the manifest states none).</summary>
    [JsonIgnore]
    public double Temperature => Calibration?.Temperature ?? 1;

    /// <summary>The only format version this code reads and writes.</summary>
    public const int CurrentFormatVersion = 1;

    /// <summary>The usual file name inside a bundle folder.</summary>
    public const string FileName = "model.json";

    /// <summary>Reads and checks a manifest.</summary>
    /// <exception cref="InvalidDataException">The file is not a usable manifest; the message names it.</exception>
    public static ModelManifest Load(string path)
    {
        using var stream = File.OpenRead(path);
        try
        {
            return Load(stream);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"{path}: {e.Message}", e);
        }
    }

    /// <summary>Reads and checks a manifest from a stream.</summary>
    /// <exception cref="InvalidDataException">The content is not a usable manifest.</exception>
    public static ModelManifest Load(Stream stream)
    {
        ModelManifest manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<ModelManifest>(stream, CoreJson.Options)
                ?? throw new InvalidDataException("the manifest is null.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"not a valid manifest: {e.Message}", e);
        }
        manifest.Validate();
        return manifest;
    }

    /// <summary>Writes the manifest as indented camelCase JSON.</summary>
    public void Save(string path)
    {
        using var stream = File.Create(path);
        Save(stream);
    }

    /// <summary>Writes the manifest to a stream.</summary>
    public void Save(Stream stream) => JsonSerializer.Serialize(stream, this, CoreJson.Options);

    /// <summary>The longest name or version accepted.</summary>
    public const int MaxIdentifierLength = 64;

    /// <summary>The version goes into the X-Model-Version header, where CR, LF or non-ASCII would fail every response.</summary>
    private static void CheckPrintable(string field, string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length > MaxIdentifierLength
            || value.Any(c => c is <= ' ' or > '~'))
            throw new InvalidDataException(
                $"{field} must be 1 to {MaxIdentifierLength} printable ASCII characters without spaces, was {JsonSerializer.Serialize(value)}.");
    }

    /// <summary>Throws <see cref="InvalidDataException"/> naming the first inconsistent field.</summary>
    public void Validate()
    {
        if (FormatVersion != CurrentFormatVersion)
            throw new InvalidDataException($"formatVersion {FormatVersion} is not supported (expected {CurrentFormatVersion}).");
        CheckPrintable("name", Name);
        CheckPrintable("version", Version);
        if (Labels.Count < 2 || Labels.Distinct().Count() != Labels.Count || Labels.Any(string.IsNullOrWhiteSpace))
            throw new InvalidDataException("labels must be two or more distinct non-empty names.");
        if (Labels.Contains(ReservedLabel))
            throw new InvalidDataException($"labels must not include \"{ReservedLabel}\": it is the answer for a text with no known word.");
        if (Architecture.Classes != Labels.Count)
            throw new InvalidDataException($"architecture.classes is {Architecture.Classes} but there are {Labels.Count} labels.");
        if (Architecture.EmbeddingRows != Vocabulary.Size + 1)
            throw new InvalidDataException(
                $"architecture.embeddingRows is {Architecture.EmbeddingRows} but vocabulary.size + 1 is {Vocabulary.Size + 1}.");
        if (Calibration is { } calibration && !(calibration.Temperature > 0 && double.IsFinite(calibration.Temperature)))
            throw new InvalidDataException($"calibration.temperature must be a positive number, was {calibration.Temperature}.");
        if (Language is not null && !IsLanguageCode(Language))
            throw new InvalidDataException($"language must be a two-letter ISO 639-1 code such as \"en\", was {JsonSerializer.Serialize(Language)}.");
        if (Coverage is { } coverage && !(coverage.WarnBelow >= 0 && coverage.WarnBelow <= 1))
            throw new InvalidDataException($"coverage.warnBelow must be between 0 and 1, was {coverage.WarnBelow}.");
        try
        {
            Tokenizer.Validate();
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"tokenizer: {e.Message}", e);
        }
    }
}
