using System.Diagnostics;
using Sentiment.Api.Configuration;
using Sentiment.Inference;

namespace Sentiment.Api.Serving;

/// <summary>Turns a checked bundle into a served version: its session, warmed up, and its batchers.</summary>
internal static class ModelStarter
{
    /// <summary>The scorer warms itself up, so a version has answered once before it serves.</summary>
    public static LoadedModel Start(
        ModelBundle bundle, ModelOptions model, BatchingOptions batching, ServingMetrics metrics, Func<int> queueLength)
    {
        var scorer = new SentimentScorer(bundle, new ScorerOptions
        {
            IntraOpNumThreads = model.IntraOpNumThreads,
            MaxBatchSize = batching.MaxInferenceBatch,
        });
        try
        {
            var served = new ServedModel(bundle.Manifest);
            // The queue gauge is the sum over every model's queue.
            var batcher = new MicroBatcher<Prediction>(texts => Score(scorer, served, metrics, texts), batching,
                _ => metrics.SetQueueLength(queueLength()));
            var occlusion = new OcclusionExplainer(scorer);
            var explainer = new MicroBatcher<Explanation>(texts => Explain(occlusion, served, metrics, texts), batching,
                weight: QueueWeight.Explaining(bundle.Manifest.Tokenizer.MaxLength));
            return new LoadedModel(served, scorer, batcher, explainer);
        }
        catch
        {
            scorer.Dispose();
            throw;
        }
    }

    private static Prediction[] Score(SentimentScorer scorer, ServedModel served, ServingMetrics metrics, ArraySegment<string> texts) =>
        Measured(served, metrics, texts, () => scorer.Predict(texts), static prediction => prediction);

    private static Explanation[] Explain(OcclusionExplainer explainer, ServedModel served, ServingMetrics metrics, ArraySegment<string> texts) =>
        Measured(served, metrics, texts, () => explainer.Explain(texts), static explanation => explanation.Prediction);

    /// <summary>Times <paramref name="run"/> and counts the label of each result.</summary>
    private static T[] Measured<T>(ServedModel served, ServingMetrics metrics, ArraySegment<string> texts,
        Func<T[]> run, Func<T, Prediction> predictionOf)
    {
        long start = Stopwatch.GetTimestamp();
        var results = run();
        metrics.RecordRun(served.Name, texts.Count, Stopwatch.GetElapsedTime(start));
        foreach (var result in results)
            metrics.CountPrediction(served.Name, ServedModel.LabelOf(predictionOf(result)));
        return results;
    }
}
