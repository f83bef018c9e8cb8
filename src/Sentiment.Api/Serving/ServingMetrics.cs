using Prometheus;

namespace Sentiment.Api.Serving;

/// <summary>Prometheus metrics of the serving engine; HTTP metrics come from prometheus-net's middleware.</summary>
internal static class ServingMetrics
{
    private static readonly Counter Predictions = Metrics.CreateCounter(
        "sentiment_predictions_total", "Texts scored, by predicted label.", "label");

    private static readonly Histogram BatchSize = Metrics.CreateHistogram(
        "sentiment_inference_batch_size", "Texts per model run.",
        new HistogramConfiguration { Buckets = [1, 2, 4, 8, 16, 32, 64, 128, 256] });

    private static readonly Histogram BatchDuration = Metrics.CreateHistogram(
        "sentiment_inference_duration_seconds", "Duration of one model run, tokenizing included.",
        new HistogramConfiguration { Buckets = Histogram.ExponentialBuckets(0.0001, 2, 16) });

    private static readonly Gauge QueueLength = Metrics.CreateGauge(
        "sentiment_queue_length", "Texts waiting for a model run.");

    private static readonly Gauge Ready = Metrics.CreateGauge(
        "sentiment_model_ready", "1 once the model is loaded and has answered a warm-up text.");

    private static readonly Counter QueueFull = Metrics.CreateCounter(
        "sentiment_queue_full_total", "Requests answered 503 because the scoring queue was full.");

    public static void RecordRun(int texts, TimeSpan elapsed)
    {
        BatchSize.Observe(texts);
        BatchDuration.Observe(elapsed.TotalSeconds);
    }

    public static void CountPrediction(string label) => Predictions.WithLabels(label).Inc();

    public static void SetQueueLength(int length) => QueueLength.Set(length);

    public static void SetReady(bool ready) => Ready.Set(ready ? 1 : 0);

    public static void CountQueueFull() => QueueFull.Inc();
}
