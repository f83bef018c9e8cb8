namespace Sentiment.Inference;

/// <summary>ONNX Runtime settings for a <see cref="SentimentScorer"/>.</summary>
public sealed class ScorerOptions
{
    /// <summary>Threads one inference may use; measure before raising it.</summary>
    public int IntraOpNumThreads { get; set; } = 1;

    /// <summary>Most texts <see cref="SentimentScorer.Predict(IReadOnlyList{string})"/> sends to the model at once.</summary>
    public int MaxBatchSize { get; set; } = 64;
}
