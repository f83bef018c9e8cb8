using Sentiment.Inference;

namespace Sentiment.Api.Serving;

/// <summary>The model behind the endpoints: scores texts asynchronously, micro-batched.</summary>
public interface ISentimentModel
{
    /// <summary>The model being served; null until it is loaded and has answered a warm-up text.</summary>
    ServedModel? Current { get; }

    /// <summary>
    /// Queues texts for scoring; the task gives one prediction per text, in order. Null when the
    /// model is not ready or the queue is full; failed with <see cref="BatchTooLargeException"/>
    /// when the texts outweigh the whole queue. When <paramref name="aborted"/> fires, texts not
    /// yet scored leave the queue and the task is cancelled.
    /// </summary>
    Task<Prediction[]>? TryScore(IReadOnlyList<string> texts, CancellationToken aborted = default);
}
