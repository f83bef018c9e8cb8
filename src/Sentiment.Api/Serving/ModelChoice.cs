using System.Text;

namespace Sentiment.Api.Serving;

/// <summary>
/// Which served model answers a text: the one named by <c>model</c>; else the first (default
/// first, then folder order) that reads <c>language</c>; else, by the text's script, <c>zh</c>
/// for a text holding any Han character when a model reads Chinese, and the default model for
/// everything else. Deterministic: the same text and models always give the same choice.
/// </summary>
public static class ModelChoice
{
    public const string Chinese = "zh";

    public const string UnknownModel = "unknown_model";
    public const string UnsupportedLanguage = "unsupported_language";

    /// <summary>The model, or the error code and message saying why none fits.</summary>
    public static Choice Choose(IReadOnlyList<ServedModel> models, string? model, string? language, string text)
    {
        if (model is not null)
        {
            if (models.FirstOrDefault(m => m.Name == model) is not { } named)
                return Choice.Error(UnknownModel,
                    $"'model' is '{model}', which no served model is named; served: {string.Join(", ", models.Select(m => m.Name))}.");
            if (language is not null && !string.Equals(named.Language, language, StringComparison.OrdinalIgnoreCase))
                return Choice.Error(UnsupportedLanguage, $"'language' is '{language}', but model '{model}' reads '{named.Language}'.");
            return new Choice(named, null, null);
        }
        if (language is not null)
        {
            return ForLanguage(models, language.ToLowerInvariant()) is { } reads
                ? new Choice(reads, null, null)
                : Choice.Error(UnsupportedLanguage,
                    $"'language' is '{language}', which no served model reads; languages served: {string.Join(", ", Languages(models))}.");
        }
        var chosen = HasHan(text) ? ForLanguage(models, Chinese) ?? models[0] : models[0];
        return new Choice(chosen, null, null);
    }

    /// <summary>The languages served, each once, in model order.</summary>
    public static IEnumerable<string> Languages(IReadOnlyList<ServedModel> models) => models.Select(m => m.Language).Distinct();

    private static ServedModel? ForLanguage(IReadOnlyList<ServedModel> models, string language) =>
        models.FirstOrDefault(m => m.Language == language);

    /// <summary>CJK Unified Ideographs (with extensions A to H) and CJK Compatibility Ideographs.</summary>
    internal static bool HasHan(string text)
    {
        foreach (Rune rune in text.EnumerateRunes())
        {
            int c = rune.Value;
            if (c is (>= 0x4E00 and <= 0x9FFF) or (>= 0x3400 and <= 0x4DBF) or (>= 0xF900 and <= 0xFAFF)
                or (>= 0x20000 and <= 0x323AF) or (>= 0x2F800 and <= 0x2FA1F))
                return true;
        }
        return false;
    }
}

/// <summary>A chosen model, or an error code and message.</summary>
public readonly record struct Choice(ServedModel? Model, string? ErrorCode, string? ErrorMessage)
{
    public static Choice Error(string code, string message) => new(null, code, message);
}
