using Sentiment.Inference;

namespace Sentiment.Api.Serving;

/// <summary>
/// One version of one bundle, as served: its ONNX session and its two batchers, one for scoring and
/// one for explanations (their runs are words + 1 times longer than a text's). Counted uses keep it
/// alive: a reload swaps in the next version and retires this one, and the session is disposed
/// only when the last request that started on it has been answered.
/// </summary>
internal sealed class LoadedModel
{
    private readonly SentimentScorer _scorer;
    private readonly TaskCompletionSource _disposed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _uses = 1; // the slot's own hold, dropped by Retire

    public LoadedModel(ServedModel served, SentimentScorer scorer, MicroBatcher<Prediction> batcher, MicroBatcher<Explanation> explainer)
    {
        Served = served;
        _scorer = scorer;
        Batcher = batcher;
        Explainer = explainer;
    }

    public ServedModel Served { get; }

    public MicroBatcher<Prediction> Batcher { get; }

    public MicroBatcher<Explanation> Explainer { get; }

    /// <summary>Completes once the batcher has stopped and the session is disposed.</summary>
    public Task Disposed => _disposed.Task;

    /// <summary>Takes a use; false once retired and unused, when the caller must read the slot again.</summary>
    public bool TryAcquire()
    {
        int uses = Volatile.Read(ref _uses);
        while (uses > 0)
        {
            int seen = Interlocked.CompareExchange(ref _uses, uses + 1, uses);
            if (seen == uses)
                return true;
            uses = seen;
        }
        return false;
    }

    /// <summary>Queues texts under a use that ends when they are scored (or fail).</summary>
    public async Task<Scored> ScoreAsync(Task<Prediction[]> scoring)
    {
        try
        {
            return new Scored(Served, await scoring);
        }
        finally
        {
            Release();
        }
    }

    /// <summary>Explanations and the extra texts scored with them, on this one version, under one use.</summary>
    public async Task<Explained> ExplainAsync(Task<Explanation[]> explaining, Task<Prediction[]> scoring)
    {
        try
        {
            await Task.WhenAll(explaining, scoring); // the use lasts while either is queued, even when the other failed
            return new Explained(Served, await explaining, await scoring);
        }
        finally
        {
            Release();
        }
    }

    public void Release()
    {
        if (Interlocked.Decrement(ref _uses) == 0)
        {
            // Nothing is queued any more: every queued text holds a use.
            Batcher.Dispose();
            Explainer.Dispose();
            _scorer.Dispose();
            _disposed.TrySetResult();
        }
    }

    /// <summary>The slot no longer serves this version; it is disposed after its last use.</summary>
    public void Retire() => Release();
}

/// <summary>The predictions for a request's texts, and the model version that made them.</summary>
public sealed record Scored(ServedModel Model, Prediction[] Predictions);

/// <summary>Explanations of a request's texts, the predictions of the texts scored with them, and the model version that made both.</summary>
public sealed record Explained(ServedModel Model, Explanation[] Explanations, Prediction[] Predictions);
