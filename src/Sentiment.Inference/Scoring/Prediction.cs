namespace Sentiment.Inference;

/// <summary>The model's verdict on one text.</summary>
/// <param name="Label">The most probable label (the first on a tie).</param>
/// <param name="Confidence">Its probability.</param>
/// <param name="Probabilities">Every label's probability, in label order.</param>
/// <param name="TotalTokens">Words in the text.</param>
/// <param name="KnownTokens">Words found in the vocabulary.</param>
/// <param name="Truncated">True when only the last maxLength known words were scored.</param>
public sealed record Prediction(
    string Label, float Confidence, float[] Probabilities, int TotalTokens, int KnownTokens, bool Truncated);
