using Sentiment.Inference;

namespace Sentiment.Api.Serving;

/// <summary>
/// One bundle folder and the version of it being served. A reload loads and checks the folder's
/// bundle exactly as start-up does, warms it up, and only then swaps it in; a bundle that fails
/// leaves the old version serving.
/// </summary>
internal sealed class ModelSlot(string directory, Func<ModelBundle, LoadedModel> start)
{
    private readonly Lock _reloading = new(); // one reload of a folder at a time
    private volatile LoadedModel? _live;
    private bool _retired;

    public string Directory { get; } = directory;

    public LoadedModel? Live => _live;

    /// <summary>The folder's files as last loaded or tried, so polling reloads only what changed.</summary>
    public string? Fingerprint { get; private set; }

    /// <summary>A use of the live version, or null before the first load; released by <see cref="LoadedModel.ScoreAsync"/>.</summary>
    public LoadedModel? Acquire()
    {
        while (_live is { } live)
        {
            if (live.TryAcquire())
                return live;
            // Retired between the read and the use: the next read sees its successor.
        }
        return null;
    }

    /// <summary>The first load, from a bundle start-up has already checked.</summary>
    public void Start(ModelBundle bundle, string fingerprint)
    {
        lock (_reloading)
        {
            Fingerprint = fingerprint;
            _live = start(bundle);
        }
    }

    /// <summary>Loads the folder's bundle and swaps it in, or says why not. Never throws for a bad bundle.</summary>
    public ReloadOutcome Reload(Func<ModelBundle, string?>? refuse = null)
    {
        lock (_reloading)
        {
            var previous = _live?.Served;
            if (_retired)
                return ReloadOutcome.Refused(previous, new ModelBundleException(Directory, "the service is stopping."));
            Fingerprint = BundleFingerprint.Of(Directory);
            LoadedModel fresh;
            try
            {
                var bundle = ModelBundle.Load(Directory);
                if (refuse?.Invoke(bundle) is { } reason)
                    throw new ModelBundleException(Path.Combine(Directory, Sentiment.Core.ModelManifest.FileName), reason);
                fresh = start(bundle); // the scorer's warm-up runs here, before any request sees it
            }
            catch (Exception e) when (e is ModelBundleException or IOException or UnauthorizedAccessException)
            {
                var failure = e as ModelBundleException ?? new ModelBundleException(Directory, e.Message, e);
                return ReloadOutcome.Refused(previous, failure);
            }
            var old = Interlocked.Exchange(ref _live, fresh);
            old?.Retire();
            return ReloadOutcome.Reloaded(previous, fresh.Served);
        }
    }

    /// <summary>Stops serving; the live version is disposed after its last use.</summary>
    public Task RetireAsync()
    {
        lock (_reloading)
        {
            _retired = true;
            var old = Interlocked.Exchange(ref _live, null);
            old?.Retire();
            return old?.Disposed ?? Task.CompletedTask;
        }
    }
}

/// <summary>What one reload did: the version serving before and after, and why a bundle was refused.</summary>
public sealed record ReloadOutcome(bool Succeeded, ServedModel? Previous, ServedModel? Serving, string? File, string? Reason)
{
    public static ReloadOutcome Reloaded(ServedModel? previous, ServedModel loaded) => new(true, previous, loaded, null, null);

    public static ReloadOutcome Refused(ServedModel? previous, ModelBundleException e) => new(false, previous, previous, e.File, e.Reason);

    /// <summary><c>reloaded</c> or <c>refused</c>: the result label of the reload metric and answer.</summary>
    public string Result => Succeeded ? "reloaded" : "refused";
}
