using System.Diagnostics;
using Microsoft.Extensions.Options;
using Sentiment.Api.Hosting;
using Sentiment.Inference;

namespace Sentiment.Api.Serving;

/// <summary>
/// Serves the bundle named by <see cref="ModelOptions.Path"/>. Start-up checks the bundle (files,
/// hashes, consistency) before the server listens, so a bad bundle stops the process; the ONNX
/// session and a warm-up prediction follow in the background while /health/ready answers 503.
/// </summary>
internal sealed class BundleModel(
    IOptions<ModelOptions> modelOptions,
    IOptions<BatchingOptions> batchingOptions,
    IHostEnvironment environment,
    IHostApplicationLifetime lifetime,
    ILogger<BundleModel> logger) : ISentimentModel, IHostedService, IDisposable
{
    private volatile Serving? _serving;
    private Task _preparing = Task.CompletedTask;

    public ServedModel? Current => _serving?.Model;

    /// <summary>True when the background part of start-up failed and the process is stopping.</summary>
    public bool Failed { get; private set; }

    public Task<Prediction[]>? TryScore(IReadOnlyList<string> texts) => _serving?.Batcher.TryEnqueue(texts);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        string directory = modelOptions.Value.ResolvePath(environment.ContentRootPath);
        ModelBundle bundle;
        try
        {
            bundle = ModelBundle.Load(directory);
        }
        catch (Exception e) when (e is ModelBundleException or IOException or UnauthorizedAccessException)
        {
            throw new StartupRefusedException(Describe(e, directory), e);
        }
        _preparing = Task.Run(() => Prepare(bundle, directory), CancellationToken.None);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => _preparing;

    private void Prepare(ModelBundle bundle, string directory)
    {
        SentimentScorer? scorer = null;
        try
        {
            var options = modelOptions.Value;
            scorer = new SentimentScorer(bundle, new ScorerOptions
            {
                IntraOpNumThreads = options.IntraOpNumThreads,
                MaxBatchSize = batchingOptions.Value.MaxInferenceBatch,
            });
            var served = new ServedModel(bundle.Manifest);
            var run = scorer;
            var batcher = new MicroBatcher<Prediction>(
                texts => Score(run, texts), batchingOptions.Value, ServingMetrics.SetQueueLength);
            _serving = new Serving(served, batcher, scorer);
            ServingMetrics.SetReady(true);
            logger.LogInformation("Model {Name} {Version} ready from {Directory} with {Workers} inference workers",
                bundle.Manifest.Name, served.Version, directory, batchingOptions.Value.WorkerCount);
        }
        catch (Exception e)
        {
            scorer?.Dispose();
            Failed = true;
            logger.LogCritical("Refusing to start: {Reason}", Describe(e, directory));
            lifetime.StopApplication();
        }
    }

    private static Prediction[] Score(SentimentScorer scorer, ArraySegment<string> texts)
    {
        long start = Stopwatch.GetTimestamp();
        var predictions = scorer.Predict(texts);
        ServingMetrics.RecordRun(texts.Count, Stopwatch.GetElapsedTime(start));
        foreach (var prediction in predictions)
            ServingMetrics.CountPrediction(prediction.Label);
        return predictions;
    }

    /// <summary>The bundle's own errors name their file; others get the folder.</summary>
    private static string Describe(Exception e, string directory) =>
        e is ModelBundleException ? e.Message : $"{directory}: {e.Message}";

    public void Dispose()
    {
        _preparing.Wait(); // never throws: Prepare catches everything; a start that failed skips StopAsync
        ServingMetrics.SetReady(false);
        var serving = _serving;
        _serving = null;
        serving?.Batcher.Dispose();
        serving?.Scorer.Dispose();
    }

    private sealed record Serving(ServedModel Model, MicroBatcher<Prediction> Batcher, SentimentScorer Scorer);
}

/// <summary>Start-up stopped on purpose; the message names the file or setting and the reason.</summary>
public sealed class StartupRefusedException(string message, Exception inner) : Exception(message, inner);
