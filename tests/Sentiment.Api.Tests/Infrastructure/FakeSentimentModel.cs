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

    /// <summary>When set, every scoring fails with it, as a broken scorer would.</summary>
    public Exception? Failure { get; set; }

    /// <summary>When set, answers wait for it; <see cref="Scoring"/> completes when a request is waiting.</summary>
    public Task? Hold { get; set; }

    public TaskCompletionSource Scoring { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<Prediction[]>? TryScore(IReadOnlyList<string> texts, CancellationToken aborted = default)
    {
        if (!Ready || QueueFull)
            return null;
        if (Failure is not null)
            return Task.FromException<Prediction[]>(Failure);
        var predictions = new Prediction[texts.Count];
        for (int i = 0; i < predictions.Length; i++)
            predictions[i] = Predict(texts[i]);
        Scoring.TrySetResult();
        return Hold is { } hold ? hold.ContinueWith(_ => predictions, TaskScheduler.Default) : Task.FromResult(predictions);
    }

    public static Prediction Predict(string text)
    {
        float positive = text.Length % 10 / 10f + 0.05f;
        float[] probabilities = [1 - positive, positive];
        string label = positive > 0.5f ? "positive" : "negative";
        return new Prediction(positive > 0.5f ? 1 : 0, label, Math.Max(positive, 1 - positive), probabilities, text.Length, text.Length / 2, false);
    }
}
