using Sentiment.Api.Serving;
using Sentiment.Inference;

namespace Sentiment.Api.Tests.Infrastructure;

/// <summary>Answers from the text's length, so tests can tell answers apart without ONNX.</summary>
public sealed class FakeSentimentModel : ISentimentModel
{
    private static readonly ServedModel Tiny = new(TestPaths.TinyManifest);

    public ServedModel? Current => Ready ? Tiny : null;

    public bool Ready { get; set; } = true;

    public bool QueueFull { get; set; }

    public Task<Prediction[]>? TryScore(IReadOnlyList<string> texts)
    {
        if (!Ready || QueueFull)
            return null;
        var predictions = new Prediction[texts.Count];
        for (int i = 0; i < predictions.Length; i++)
            predictions[i] = Predict(texts[i]);
        return Task.FromResult(predictions);
    }

    public static Prediction Predict(string text)
    {
        float positive = text.Length % 10 / 10f + 0.05f;
        float[] probabilities = [1 - positive, positive];
        string label = positive > 0.5f ? "positive" : "negative";
        return new Prediction(positive > 0.5f ? 1 : 0, label, Math.Max(positive, 1 - positive), probabilities, text.Length, text.Length / 2, false);
    }
}
