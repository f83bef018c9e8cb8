using Sentiment.Inference;

namespace Sentiment.Api.Explaining;

/// <summary>
/// Azure AI Language's document rule: a text is <c>mixed</c> when at least one of its sentences is
/// positive and at least one is negative. Here a sentence must also carry its label with at least
/// <c>Sentences:MixedConfidence</c>, so two unsure sentences do not make a text mixed.
/// </summary>
public static class MixedRule
{
    public const string MixedLabel = "mixed";

    /// <summary>True when the sentences disagree confidently; never for a model without both labels (index -1).</summary>
    public static bool IsMixed(IEnumerable<Prediction> sentences, int positive, int negative, double minConfidence)
    {
        if (positive < 0 || negative < 0)
            return false;
        bool anyPositive = false, anyNegative = false;
        foreach (var sentence in sentences)
        {
            if (sentence.IsUnknown || sentence.Confidence < minConfidence)
                continue;
            anyPositive |= sentence.LabelIndex == positive;
            anyNegative |= sentence.LabelIndex == negative;
        }
        return anyPositive && anyNegative;
    }
}
