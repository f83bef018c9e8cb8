using System.Diagnostics;
using Microsoft.Extensions.Options;
using Sentiment.Api.Configuration;
using Sentiment.Inference;

namespace Sentiment.Api.Serving;

/// <summary>
/// Serves the bundle named by <see cref="ModelOptions.Path"/>. Start-up checks the bundle (files,
/// hashes, consistency) before the server listens, so a bad bundle stops the process; the ONNX
/// session and its warm-up prediction follow in the background while /health/ready answers 503.
/// </summary>
internal sealed class ModelHost(
    IOptions<ModelOptions> modelOptions,
    IOptions<BatchingOptions> batchingOptions,
    IOptions<ShutdownOptions> shutdownOptions,
    IHostEnvironment environment,
    IHostApplicationLifetime lifetime,
    ServingMetrics metrics,
    ILogger<ModelHost> logger) : ISentimentModel, IHostedService, IDisposable
{
    private volatile Serving? _serving;
    private Task _preparing = Task.CompletedTask;
    private ITimer? _queueDeadline;
    private volatile bool _abandoned;

    public ServedModel? Current => _serving?.Model;

    /// <summary>True when the background part of start-up failed and the process is stopping.</summary>
    public bool Failed { get; private set; }

    public Task<Prediction[]>? TryScore(IReadOnlyList<string> texts, CancellationToken aborted = default)
    {
        if (_serving is not { } serving)
            return null;
        if (_abandoned)
            return Task.FromException<Prediction[]>(new ScoringAbandonedException());
        var scoring = serving.Batcher.TryEnqueue(texts, aborted);
        if (scoring is null)
            metrics.CountQueueFull();
        return scoring;
    }

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
        lifetime.ApplicationStopping.Register(StartQueueDeadline);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Kestrel resets the connections still open when the shutdown timeout ends: shortly before,
    /// the texts still queued are answered 503 instead of being scored for clients that are gone.
    /// </summary>
    private void StartQueueDeadline() =>
        _queueDeadline = TimeProvider.System.CreateTimer(_ => AbandonQueue(), null,
            shutdownOptions.Value.QueueDeadline, Timeout.InfiniteTimeSpan);

    private void AbandonQueue()
    {
        _abandoned = true; // late requests on kept-alive connections get the same 503
        if (_serving is not { } serving)
            return;
        if (serving.Batcher.Abandon() is > 0 and var abandoned)
            logger.LogWarning("Shutdown timeout near: {Texts} queued texts answered 503 unscored", abandoned);
    }

    public Task StopAsync(CancellationToken cancellationToken) => _preparing;

    private void Prepare(ModelBundle bundle, string directory)
    {
        SentimentScorer? scorer = null;
        try
        {
            // The scorer warms itself up, so the model has answered once before the service says it is ready.
            scorer = new SentimentScorer(bundle, new ScorerOptions
            {
                IntraOpNumThreads = modelOptions.Value.IntraOpNumThreads,
                MaxBatchSize = batchingOptions.Value.MaxInferenceBatch,
            });
            var run = scorer;
            var batcher = new MicroBatcher<Prediction>(texts => Score(run, texts), batchingOptions.Value, metrics.SetQueueLength);
            _serving = new Serving(new ServedModel(bundle.Manifest), batcher, scorer);
            metrics.SetReady(true);
            logger.LogInformation("Model {Name} {Version} ready from {Directory} with {Workers} inference workers",
                bundle.Manifest.Name, bundle.Manifest.Version, directory, batchingOptions.Value.WorkerCount);
        }
        catch (Exception e)
        {
            scorer?.Dispose();
            Failed = true;
            // Unlike a refusal before listening, this may be a plain bug: keep the stack trace.
            logger.LogCritical(e, "Refusing to start: {Reason}", Describe(e, directory));
            lifetime.StopApplication();
        }
    }

    private Prediction[] Score(SentimentScorer scorer, ArraySegment<string> texts)
    {
        long start = Stopwatch.GetTimestamp();
        var predictions = scorer.Predict(texts);
        metrics.RecordRun(texts.Count, Stopwatch.GetElapsedTime(start));
        foreach (var prediction in predictions)
            metrics.CountPrediction(ServedModel.LabelOf(prediction));
        return predictions;
    }

    /// <summary>The bundle's own errors name their file; others get the folder.</summary>
    private static string Describe(Exception e, string directory) =>
        e is ModelBundleException ? e.Message : $"{directory}: {e.Message}";

    public void Dispose()
    {
        _preparing.Wait(); // never throws: Prepare catches everything; a start that failed skips StopAsync
        _queueDeadline?.Dispose();
        metrics.SetReady(false);
        var serving = _serving;
        _serving = null;
        serving?.Batcher.Dispose();
        serving?.Scorer.Dispose();
    }

    private sealed record Serving(ServedModel Model, MicroBatcher<Prediction> Batcher, SentimentScorer Scorer);
}
