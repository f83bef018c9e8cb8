using System.Diagnostics.Metrics;

namespace Sentiment.Api.Serving;

/// <summary>
/// Metrics of the serving engine, on this host's own meter (so test hosts never share counts).
/// /metrics exports them as <c>sentiment_*</c>; HTTP metrics come from prometheus-net's middleware.
/// </summary>
public sealed class ServingMetrics
{
    /// <summary>The meter's name, also the prefix of every Prometheus name below.</summary>
    public const string MeterName = "sentiment";

    private static readonly int[] BatchSizeBuckets = [1, 2, 4, 8, 16, 32, 64, 128, 256];

    // 0.1 ms to about 3.3 s, doubling.
    private static readonly double[] DurationBuckets = [.. Enumerable.Range(0, 16).Select(i => 0.0001 * (1 << i))];

    private readonly Counter<long> _predictions;
    private readonly Histogram<int> _batchSize;
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _queueFull;
    private readonly Counter<long> _rateLimited;
    private int _queueLength;
    private int _ready;

    public ServingMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _predictions = meter.CreateCounter<long>("predictions_total", description: "Texts scored, by model and predicted label.");
        _batchSize = meter.CreateHistogram("inference_batch_size", unit: null, description: "Texts per model run, by model.",
            tags: null, advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = BatchSizeBuckets });
        _duration = meter.CreateHistogram("inference_duration_seconds", unit: null,
            description: "Duration of one model run, tokenizing included, by model.",
            tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });
        meter.CreateObservableGauge("queue_length", () => Volatile.Read(ref _queueLength), description: "Texts waiting for a model run.");
        meter.CreateObservableGauge("model_ready", () => Volatile.Read(ref _ready),
            description: "1 once every model is loaded and has answered a warm-up text.");
        _queueFull = meter.CreateCounter<long>("queue_full_total", description: "Requests answered 503 because the scoring queue was full.");
        _rateLimited = meter.CreateCounter<long>("rate_limited_total",
            description: "Requests answered 429 because their key's texts-per-second bucket was empty, by key name.");
    }

    public void RecordRun(string model, int texts, TimeSpan elapsed)
    {
        var tag = new KeyValuePair<string, object?>("model", model);
        _batchSize.Record(texts, tag);
        _duration.Record(elapsed.TotalSeconds, tag);
    }

    public void CountPrediction(string model, string label) =>
        _predictions.Add(1, new KeyValuePair<string, object?>("model", model), new KeyValuePair<string, object?>("label", label));

    public void SetQueueLength(int length) => Volatile.Write(ref _queueLength, length);

    public void SetReady(bool ready) => Volatile.Write(ref _ready, ready ? 1 : 0);

    public void CountQueueFull() => _queueFull.Add(1);

    public void CountRateLimited(string key) => _rateLimited.Add(1, new KeyValuePair<string, object?>("key", key));
}
