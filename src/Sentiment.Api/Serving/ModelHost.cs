using Microsoft.Extensions.Options;
using Sentiment.Api.Configuration;
using Sentiment.Inference;

namespace Sentiment.Api.Serving;

/// <summary>
/// Serves the bundles under <see cref="ModelOptions.Path"/> (see <see cref="BundleFolders"/>), the
/// first being the default. Start-up checks every bundle (files, hashes, consistency, unique names)
/// before the server listens, so a bad bundle stops the process; the ONNX sessions and their warm-up
/// predictions follow in the background while /health/ready answers 503. Later,
/// <see cref="Reload(string?)"/> (or polling) swaps in a new bundle from the same folder.
/// </summary>
internal sealed class ModelHost(
    IOptions<ModelOptions> modelOptions,
    IOptions<BatchingOptions> batchingOptions,
    IOptions<ShutdownOptions> shutdownOptions,
    IHostEnvironment environment,
    IHostApplicationLifetime lifetime,
    ServingMetrics metrics,
    ModelMetrics modelMetrics,
    ILogger<ModelHost> logger) : ISentimentModel, IHostedService, IDisposable
{
    private ModelSlot[] _slots = [];
    private Task _preparing = Task.CompletedTask;
    private ITimer? _queueDeadline;
    private ITimer? _polling;
    private int _polled; // 1 while a poll runs, so slow reloads do not pile up
    private volatile bool _ready;
    private volatile bool _abandoned;

    /// <summary>The default model.</summary>
    public ServedModel? Current => _slots.Length > 0 ? _slots[0].Live?.Served : null;

    public IReadOnlyList<ServedModel> Models => [.. _slots.Select(s => s.Live?.Served).OfType<ServedModel>()];

    public bool Ready => _ready;

    /// <summary>True when the background part of start-up failed and the process is stopping.</summary>
    public bool Failed { get; private set; }

    public Task<Scored>? TryScore(IReadOnlyList<string> texts, string? model = null, CancellationToken aborted = default)
    {
        if (Acquire(model, out var abandoned) is not { } live)
            return abandoned ? Task.FromException<Scored>(new ScoringAbandonedException()) : null;
        if (live.Batcher.TryEnqueue(texts, aborted) is not { } scoring)
            return QueueFull<Scored>(live);
        return live.ScoreAsync(scoring);
    }

    public Task<Explained>? TryExplain(IReadOnlyList<string> texts, IReadOnlyList<string> alsoScore, string? model = null,
        CancellationToken aborted = default)
    {
        if (Acquire(model, out var abandoned) is not { } live)
            return abandoned ? Task.FromException<Explained>(new ScoringAbandonedException()) : null;
        // Both queues of the one version, under one use: a reload in between cannot mix two versions in one answer.
        // The cheap sentence scoring goes first, so a full explaining queue wastes little.
        var scoring = alsoScore.Count == 0 ? Task.FromResult(Array.Empty<Prediction>()) : live.Batcher.TryEnqueue(alsoScore, aborted);
        if (scoring is null)
            return QueueFull<Explained>(live);
        if (live.Explainer.TryEnqueue(texts, aborted) is not { } explaining)
        {
            // The queued sentences are still scored (only a client's abort withdraws them); the version is released after them.
            _ = live.ScoreAsync(scoring);
            metrics.CountQueueFull();
            return null;
        }
        return live.ExplainAsync(explaining, scoring);
    }

    /// <summary>A use of the live version of <paramref name="model"/> (null: the default); null when not ready or stopping.</summary>
    private LoadedModel? Acquire(string? model, out bool abandoned)
    {
        abandoned = false;
        var slot = model is null ? _slots.FirstOrDefault() : _slots.FirstOrDefault(s => s.Live?.Served.Name == model);
        if (slot?.Acquire() is not { } live)
            return null;
        if (!_abandoned)
            return live;
        live.Release();
        abandoned = true;
        return null;
    }

    private Task<T>? QueueFull<T>(LoadedModel live)
    {
        live.Release();
        metrics.CountQueueFull();
        return null;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var loads = new List<(ModelSlot Slot, ModelBundle Bundle, string Fingerprint)>();
        foreach (string directory in BundleFolders.Find(modelOptions.Value.ResolvePath(environment.ContentRootPath)))
        {
            string fingerprint = BundleFingerprint.Of(directory); // before loading: a change during it is seen by the next poll
            ModelBundle bundle;
            try
            {
                bundle = ModelBundle.Load(directory);
            }
            catch (Exception e) when (e is ModelBundleException or IOException or UnauthorizedAccessException)
            {
                throw new StartupRefusedException(Describe(e, directory), e);
            }
            if (loads.FirstOrDefault(l => l.Bundle.Manifest.Name == bundle.Manifest.Name) is { Slot: { } other })
                throw new StartupRefusedException(
                    $"{directory}: model.json names the model \"{bundle.Manifest.Name}\", as {other.Directory} does; names must be unique.",
                    new InvalidDataException(bundle.Manifest.Name));
            loads.Add((new ModelSlot(directory, bundle => ModelStarter.Start(bundle, modelOptions.Value, batchingOptions.Value, metrics, QueueLength)), bundle, fingerprint));
        }
        _slots = [.. loads.Select(l => l.Slot)];
        modelMetrics.Observe(() => Models);
        _preparing = Task.Run(() => Prepare(loads), CancellationToken.None);
        lifetime.ApplicationStopping.Register(StartQueueDeadline);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Reloads every bundle, or the one named <paramref name="model"/>; null when no bundle has that
    /// name, or before the first load has finished.
    /// </summary>
    public IReadOnlyList<ReloadOutcome>? Reload(string? model = null)
    {
        if (!_ready)
            return null;
        var slots = model is null ? _slots : [.. _slots.Where(s => s.Live?.Served.Name == model)];
        return slots.Length == 0 ? null : [.. slots.Select(Reload)];
    }

    private ReloadOutcome Reload(ModelSlot slot)
    {
        var outcome = slot.Reload(bundle => _slots.Any(s => s != slot && s.Live?.Served.Name == bundle.Manifest.Name)
            ? $"names the model \"{bundle.Manifest.Name}\", which another folder serves; names must be unique."
            : null);
        string name = outcome.Serving?.Name ?? Path.GetFileName(slot.Directory);
        modelMetrics.CountReload(name, outcome.Result);
        if (outcome.Succeeded)
            logger.LogInformation("Model {Name} {Version} reloaded from {Directory}; {Previous} retired after its last request",
                name, outcome.Serving!.Version, slot.Directory, outcome.Previous?.Version);
        else
            logger.LogWarning("Reload refused, {Name} {Version} keeps serving: {File}: {Reason}",
                name, outcome.Serving?.Version, outcome.File, outcome.Reason);
        return outcome;
    }

    private void Poll()
    {
        if (Interlocked.Exchange(ref _polled, 1) == 1)
            return;
        try
        {
            foreach (var slot in _slots)
            {
                if (BundleFingerprint.Of(slot.Directory) != slot.Fingerprint)
                    Reload(slot);
            }
        }
        finally
        {
            Volatile.Write(ref _polled, 0);
        }
    }

    /// <summary>
    /// Kestrel resets the connections still open when the shutdown timeout ends: shortly before,
    /// the texts still queued are answered 503 instead of being scored for clients that are gone.
    /// </summary>
    private void StartQueueDeadline()
    {
        _polling?.Dispose();
        _queueDeadline = TimeProvider.System.CreateTimer(_ => AbandonQueue(), null,
            shutdownOptions.Value.QueueDeadline, Timeout.InfiniteTimeSpan);
    }

    private void AbandonQueue()
    {
        _abandoned = true; // late requests on kept-alive connections get the same 503
        int abandoned = 0;
        foreach (var slot in _slots)
            abandoned += slot.Live is { } live ? live.Batcher.Abandon() + live.Explainer.Abandon() : 0;
        if (abandoned > 0)
            logger.LogWarning("Shutdown timeout near: {Texts} queued texts answered 503 unscored", abandoned);
    }

    public Task StopAsync(CancellationToken cancellationToken) => _preparing;

    private int QueueLength() => _slots.Sum(s => s.Live?.Batcher.QueueLength ?? 0);

    private void Prepare(IReadOnlyList<(ModelSlot Slot, ModelBundle Bundle, string Fingerprint)> loads)
    {
        try
        {
            foreach (var (slot, bundle, fingerprint) in loads)
            {
                slot.Start(bundle, fingerprint);
                logger.LogInformation("Model {Name} {Version} ({Language}) ready from {Directory} with {Workers} inference workers",
                    bundle.Manifest.Name, bundle.Manifest.Version, bundle.Manifest.LanguageOrDefault, slot.Directory,
                    batchingOptions.Value.WorkerCount);
            }
            _ready = true;
            metrics.SetReady(true);
            if (modelOptions.Value.ReloadInterval is { } interval)
                _polling = TimeProvider.System.CreateTimer(_ => Poll(), null, interval, interval);
        }
        catch (Exception e)
        {
            Failed = true;
            // Unlike a refusal before listening, this may be a plain bug: keep the stack trace.
            logger.LogCritical(e, "Refusing to start: {Reason}", Describe(e, modelOptions.Value.Path));
            lifetime.StopApplication();
        }
    }

    /// <summary>The bundle's own errors name their file; others get the folder.</summary>
    private static string Describe(Exception e, string directory) =>
        e is ModelBundleException ? e.Message : $"{directory}: {e.Message}";

    public void Dispose()
    {
        _preparing.Wait(); // never throws: Prepare catches everything; a start that failed skips StopAsync
        _polling?.Dispose();
        _queueDeadline?.Dispose();
        _ready = false;
        metrics.SetReady(false);
        // Requests have been answered (or reset) by now; whatever is still queued is scored first.
        Task.WaitAll([.. _slots.Select(s => s.RetireAsync())]);
    }
}
