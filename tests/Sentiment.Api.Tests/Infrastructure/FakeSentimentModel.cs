using Sentiment.Api.Serving;
using Sentiment.Core;
using Sentiment.Inference;

namespace Sentiment.Api.Tests.Infrastructure;

/// <summary>Answers from the text's length, so tests can tell answers apart without ONNX.</summary>
public sealed class FakeSentimentModel : ISentimentModel
{
    private static readonly ServedModel Tiny = new(TestPaths.TinyManifest);

    public ServedModel? Current => Ready ? Tiny : null;

    public IReadOnlyList<ServedModel> Models => Ready ? [Tiny] : [];

    public bool Ready { get; set; } = true;

    public bool QueueFull { get; set; }

    /// <summary>When set, every scoring fails with it, as a broken scorer would.</summary>
    public Exception? Failure { get; set; }

    /// <summary>When set, answers wait for it; <see cref="Scoring"/> completes when a request is waiting.</summary>
    public Task? Hold { get; set; }

    public TaskCompletionSource Scoring { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<Scored>? TryScore(IReadOnlyList<string> texts, string? model = null, CancellationToken aborted = default)
    {
        if (!Ready || QueueFull)
            return null;
        if (Failure is not null)
            return Task.FromException<Scored>(Failure);
        var predictions = new Prediction[texts.Count];
        for (int i = 0; i < predictions.Length; i++)
            predictions[i] = Predict(texts[i]);
        Scoring.TrySetResult();
        var scored = new Scored(Tiny, predictions);
        return Hold is { } hold ? hold.ContinueWith(_ => scored, TaskScheduler.Default) : Task.FromResult(scored);
    }

    /// <summary>Splits words with the tiny bundle's encoder and answers each variant with <see cref="Predict"/>, like <see cref="TryScore"/>.</summary>
    public Task<Explained>? TryExplain(IReadOnlyList<string> texts, IReadOnlyList<string> alsoScore, string? model = null,
        CancellationToken aborted = default)
    {
        if (TryScore([.. texts, .. alsoScore], model, aborted) is not { } scoring)
            return null;
        return scoring.ContinueWith(scored =>
        {
            var predictions = scored.Result.Predictions;
            var explanations = texts.Select((text, i) =>
            {
                var words = Encoder.Value.EncodeWords(text);
                var without = words.Words.Select(w => w.Known && !words.IsCutOff(w)
                    ? Predict(text.Remove(w.Word.Offset, w.Word.Length)).Probabilities
                    : null).ToArray();
                return new Explanation(predictions[i], words, without);
            }).ToArray();
            return new Explained(scored.Result.Model, explanations, predictions[texts.Count..]);
        }, TaskScheduler.Default);
    }

    private static readonly Lazy<TextEncoder> Encoder = new(() => ModelBundle.Load(TestPaths.TinyBundle).Encoder);

    public static Prediction Predict(string text)
    {
        float positive = text.Length % 10 / 10f + 0.05f;
        float[] probabilities = [1 - positive, positive];
        string label = positive > 0.5f ? "positive" : "negative";
        return new Prediction(positive > 0.5f ? 1 : 0, label, Math.Max(positive, 1 - positive), probabilities, text.Length, text.Length / 2, false);
    }
}
