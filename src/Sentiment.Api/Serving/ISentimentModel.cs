using Sentiment.Inference;

namespace Sentiment.Api.Serving;

/// <summary>The models behind the endpoints: score texts asynchronously, micro-batched.</summary>
public interface ISentimentModel
{
    /// <summary>The default model; null until it is loaded and has answered a warm-up text.</summary>
    ServedModel? Current { get; }

    /// <summary>Every model loaded so far, the default first.</summary>
    IReadOnlyList<ServedModel> Models { get; }

    /// <summary>True once every bundle is loaded and warm, until shutdown.</summary>
    bool Ready { get; }

    /// <summary>
    /// Queues texts for the model named <paramref name="model"/> (null: the default); the task gives
    /// one prediction per text, in order, and the model version that made them (a reload may swap
    /// versions, but a request finishes on the one it started with). Null when the model is not
    /// ready or the queue is full; failed with <see cref="BatchTooLargeException"/> when the texts
    /// outweigh the whole queue. When <paramref name="aborted"/> fires, texts not yet scored leave
    /// the queue and the task is cancelled.
    /// </summary>
    Task<Scored>? TryScore(IReadOnlyList<string> texts, string? model = null, CancellationToken aborted = default);

    /// <summary>
    /// Queues texts for explanation by the model named <paramref name="model"/> (null: the default):
    /// each text and its variants without one word run through the model together
    /// (<see cref="OcclusionExplainer"/>), and <paramref name="alsoScore"/> is scored by the same
    /// version. Null when the model is not ready or a queue is full; failed with
    /// <see cref="BatchTooLargeException"/> and cancelled by <paramref name="aborted"/> as
    /// <see cref="TryScore"/> is, for both queues.
    /// </summary>
    Task<Explained>? TryExplain(IReadOnlyList<string> texts, IReadOnlyList<string> alsoScore, string? model = null,
        CancellationToken aborted = default);
}
