using System.Globalization;
using Sentiment.Core;
using Sentiment.Inference;

namespace Sentiment.Api.Serving;

/// <summary>A loaded model as the service serves it: its manifest, version and labels.</summary>
public sealed class ServedModel
{
    private readonly int _positive;
    private readonly int _negative;

    public ServedModel(ModelManifest manifest)
    {
        Manifest = manifest;
        _positive = IndexOf(manifest.Labels, "positive");
        _negative = IndexOf(manifest.Labels, "negative");
        WarnBelow = (manifest.Coverage ?? ModelManifest.DefaultCoverage).WarnBelow;
    }

    /// <summary>Known words / words below which an answer carries a <c>low_coverage</c> warning.</summary>
    public double WarnBelow { get; }

    /// <summary>The label the service answers: the model's, or <c>unknown</c> for a text it cannot read.</summary>
    public static string LabelOf(Prediction prediction) => prediction.IsUnknown ? Prediction.UnknownLabel : prediction.Label;

    /// <summary>The warnings of one answer, or null when there are none.</summary>
    public IReadOnlyList<Warning>? WarningsOf(Prediction prediction)
    {
        if (prediction.IsUnknown)
        {
            return [new(Warning.NoKnownWords, prediction.TotalTokens == 0
                ? "The text has no words the tokenizer keeps (only punctuation, symbols or spaces), so the model cannot judge it."
                : $"None of the text's {prediction.TotalTokens} words is in the model's vocabulary, so the model cannot judge it.")];
        }
        if (prediction.Coverage < WarnBelow)
        {
            return [new(Warning.LowCoverage, string.Create(CultureInfo.InvariantCulture,
                $"Only {prediction.KnownTokens} of the text's {prediction.TotalTokens} words are in the model's vocabulary"
                + $" (below {WarnBelow:P0}); the label rests on few words."))];
        }
        return null;
    }

    public ModelManifest Manifest { get; }

    public string Name => Manifest.Name;

    public string Version => Manifest.Version;

    /// <summary>ISO 639-1 code of the texts the model reads; <c>en</c> when the manifest states none.</summary>
    public string Language => Manifest.LanguageOrDefault;

    public IReadOnlyList<string> Labels => Manifest.Labels;

    /// <summary>Index of the label <c>positive</c>, or -1.</summary>
    public int PositiveIndex => _positive;

    /// <summary>Index of the label <c>negative</c>, or -1.</summary>
    public int NegativeIndex => _negative;

    /// <summary>P(positive) - P(negative); null when the model lacks either label.</summary>
    public float? Score(float[] probabilities) =>
        _positive >= 0 && _negative >= 0 ? probabilities[_positive] - probabilities[_negative] : null;

    // The API's one label look-up by name: the score is defined by these two names.
    private static int IndexOf(IReadOnlyList<string> labels, string label)
    {
        for (int i = 0; i < labels.Count; i++)
        {
            if (string.Equals(labels[i], label, StringComparison.OrdinalIgnoreCase))
                return i;
        }
        return -1;
    }
}

/// <summary>A warning about one answer, in the service's own terms (the wire type is built from it).</summary>
public sealed record Warning(string Code, string Message)
{
    public const string NoKnownWords = "no_known_words";
    public const string LowCoverage = "low_coverage";
}
