using System.Diagnostics.Metrics;
using Prometheus;
using Sentiment.Api.Serving;

namespace Sentiment.Api.Operations;

/// <summary>
/// This host's Prometheus registry, served at /metrics: HTTP metrics from prometheus-net's middleware,
/// process metrics, this host's <see cref="ServingMetrics"/> meter and the runtime's meter (GC, thread
/// pool, JIT). Per host, so test hosts in one process never see each other's counts.
/// </summary>
public sealed class PrometheusExport : IDisposable
{
    private const string RuntimeMeter = "System.Runtime";

    private readonly IDisposable _meters;

    public PrometheusExport(IMeterFactory meters)
    {
        DotNetStats.Register(Registry);
        _meters = MeterAdapter.StartListening(new MeterAdapterOptions
        {
            Registry = Registry,
            MetricFactory = Metrics.WithCustomRegistry(Registry), // else its metrics land in the process-wide registry
            InstrumentFilterPredicate = instrument => instrument.Meter.Name == RuntimeMeter
                || (instrument.Meter.Name == ServingMetrics.MeterName && instrument.Meter.Scope == meters),
            // The adapter drops a series idle this long (a day at most), and a dropped count restarts from 0,
            // which Prometheus's rate() reads as a reset.
            MetricsExpireAfter = TimeSpan.FromDays(1),
            ResolveHistogramBuckets = BucketsOf,
        });
    }

    public CollectorRegistry Registry { get; } = Metrics.NewCustomRegistry();

    /// <summary>The buckets the instrument asks for (its advice), else prometheus-net's default.</summary>
    private static double[] BucketsOf(Instrument instrument) => instrument switch
    {
        Histogram<int> { Advice.HistogramBucketBoundaries: { } buckets } => [.. buckets.Select(b => (double)b)],
        Histogram<double> { Advice.HistogramBucketBoundaries: { } buckets } => [.. buckets],
        _ => MeterAdapterOptions.DefaultHistogramBuckets,
    };

    public void Dispose() => _meters.Dispose();
}
