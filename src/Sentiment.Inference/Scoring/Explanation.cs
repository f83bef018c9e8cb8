using Sentiment.Core;

namespace Sentiment.Inference;

/// <summary>
/// A text's prediction and, for each of its words, the model's probabilities for the text without
/// that word (leave-one-word-out occlusion).
/// </summary>
/// <param name="Prediction">The model's verdict on the whole text.</param>
/// <param name="Words">The text's words, with spans and ids.</param>
/// <param name="Without">Per word, the probabilities without it; null for a word the model never read
/// (unknown, cut off by the maximum length) and for every word of a text with no known word.</param>
public sealed record Explanation(Prediction Prediction, EncodedWords Words, IReadOnlyList<float[]?> Without)
{
    /// <summary>
    /// How much word <paramref name="word"/> raises the probability of label <paramref name="label"/>:
    /// P(label | text) - P(label | text without the word); 0 for a word the model never read.
    /// </summary>
    public float Contribution(int word, int label) =>
        Without[word] is { } without ? Prediction.Probabilities[label] - without[label] : 0f;
}
