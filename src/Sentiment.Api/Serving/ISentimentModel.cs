using Sentiment.Inference;

namespace Sentiment.Api.Serving;

/// <summary>The model behind the endpoints: scores texts asynchronously, micro-batched.</summary>
public interface ISentimentModel
{
    /// <summary>The model being served; null until it is loaded and has answered a warm-up text.</summary>
    ServedModel? Current { get; }

    /// <summary>
    /// Queues texts for scoring; the task gives one prediction per text, in order. Null when the
    /// model is not ready or the queue is full.
    /// </summary>
    Task<Prediction[]>? TryScore(IReadOnlyList<string> texts);

    /// <summary>
    /// Queues texts for explanation: each text and its variants without one word run through the model
    /// together (<see cref="OcclusionExplainer"/>). Null when the model is not ready or the queue is full.
    /// </summary>
    Task<Explanation[]>? TryExplain(IReadOnlyList<string> texts);
}
