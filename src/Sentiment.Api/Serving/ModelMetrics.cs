using System.Diagnostics.Metrics;

namespace Sentiment.Api.Serving;

/// <summary>The live version of every model, and reloads by result, on the serving meter.</summary>
public sealed class ModelMetrics
{
    private readonly Counter<long> _reloads;
    private Func<IReadOnlyList<ServedModel>> _models = () => [];

    public ModelMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(ServingMetrics.MeterName); // the factory hands out the same meter
        _reloads = meter.CreateCounter<long>("model_reloads_total",
            description: "Reloads of a bundle folder, by model and result (reloaded, refused).");
        meter.CreateObservableGauge("model_info", ObserveModels,
            description: "1 for each model version being served, by model, version and language.");
    }

    /// <summary>Where the gauge reads the served models from (set by the model host once it knows them).</summary>
    internal void Observe(Func<IReadOnlyList<ServedModel>> models) => _models = models;

    public void CountReload(string model, string result) =>
        _reloads.Add(1, new KeyValuePair<string, object?>("model", model), new KeyValuePair<string, object?>("result", result));

    private IEnumerable<Measurement<int>> ObserveModels() => _models().Select(m => new Measurement<int>(1,
        new KeyValuePair<string, object?>("model", m.Name),
        new KeyValuePair<string, object?>("version", m.Version),
        new KeyValuePair<string, object?>("language", m.Language)));
}
