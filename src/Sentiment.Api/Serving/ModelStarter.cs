using System.Diagnostics;
using Sentiment.Api.Configuration;
using Sentiment.Inference;

namespace Sentiment.Api.Serving;

/// <summary>Turns a checked bundle into a served version: its session, warmed up, and its batcher.</summary>
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
            return new LoadedModel(served, scorer, batcher);
        }
        catch
        {
            scorer.Dispose();
            throw;
        }
    }

    private static Prediction[] Score(SentimentScorer scorer, ServedModel served, ServingMetrics metrics, ArraySegment<string> texts)
    {
        long start = Stopwatch.GetTimestamp();
        var predictions = scorer.Predict(texts);
        metrics.RecordRun(served.Name, texts.Count, Stopwatch.GetElapsedTime(start));
        foreach (var prediction in predictions)
            metrics.CountPrediction(served.Name, ServedModel.LabelOf(prediction));
        return predictions;
    }
}
