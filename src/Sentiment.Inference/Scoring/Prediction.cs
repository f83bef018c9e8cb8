namespace Sentiment.Inference;

/// <summary>The model's verdict on one text.</summary>
/// <param name="LabelIndex">Position of <paramref name="Label"/> in the bundle's labels and in <paramref name="Probabilities"/>.</param>
/// <param name="Label">The most probable label (the first on a tie).</param>
/// <param name="Confidence">Its probability.</param>
/// <param name="Probabilities">Every label's probability, in label order.</param>
/// <param name="TotalTokens">Words in the text.</param>
/// <param name="KnownTokens">Words found in the vocabulary.</param>
/// <param name="Truncated">True when only the last maxLength known words were scored.</param>
public sealed record Prediction(
    int LabelIndex, string Label, float Confidence, float[] Probabilities, int TotalTokens, int KnownTokens, bool Truncated)
{
    /// <summary>What the service answers for a text the model cannot read.</summary>
    public const string UnknownLabel = Core.ModelManifest.ReservedLabel;

    /// <summary>
    /// True when no word of the text is in the vocabulary: the model then sees only padding and its
    /// probabilities are its prior, not a judgement of the text, so the service answers <see cref="UnknownLabel"/>.
    /// </summary>
    public bool IsUnknown => KnownTokens == 0;

    /// <summary>Share of the text's words that the vocabulary knows (1 for a text with no words).</summary>
    public double Coverage => TotalTokens == 0 ? 1 : (double)KnownTokens / TotalTokens;

    /// <summary>The most probable class in one row of probabilities (the first one on a tie).</summary>
    public static int ArgMax(ReadOnlySpan<float> probabilities)
    {
        ArgumentOutOfRangeException.ThrowIfZero(probabilities.Length, nameof(probabilities));
        int best = 0;
        for (int i = 1; i < probabilities.Length; i++)
        {
            if (probabilities[i] > probabilities[best])
                best = i;
        }
        return best;
    }
}
