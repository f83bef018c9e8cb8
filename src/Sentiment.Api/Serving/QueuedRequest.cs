namespace Sentiment.Api.Serving;

/// <summary>
/// One request's texts in the <see cref="MicroBatcher{TResult}"/> queue: workers take them in order
/// from <see cref="Next"/>; the task completes when the last one has been scored.
/// </summary>
internal sealed class QueuedRequest<TResult> : TaskCompletionSource<TResult[]>
{
    private readonly TResult[] _results;
    private readonly long[] _words;
    private int _remaining;

    public QueuedRequest(IReadOnlyList<string> texts, QueueWeight weight) : base(TaskCreationOptions.RunContinuationsAsynchronously)
    {
        Texts = texts;
        _results = new TResult[texts.Count];
        _remaining = texts.Count;
        _words = new long[texts.Count];
        for (int i = 0; i < texts.Count; i++)
        {
            _words[i] = weight.Of(texts[i]);
            Words += _words[i];
        }
    }

    public IReadOnlyList<string> Texts { get; }

    /// <summary>The words (as <see cref="QueueWeight"/> counts them) of the texts not yet taken by a worker: what this request weighs in the queue.</summary>
    public long Words { get; private set; }

    /// <summary>The first text not yet taken by a worker.</summary>
    public int Next { get; private set; }

    public int Untaken => Texts.Count - Next;

    /// <summary>Where the request sits in the queue; detached once all its texts are taken or it is withdrawn.</summary>
    public LinkedListNode<QueuedRequest<TResult>>? Node { get; set; }

    /// <summary>Takes the next text (under the queue's lock) and gives its index.</summary>
    public int Take()
    {
        Words -= _words[Next];
        return Next++;
    }

    /// <summary>Calls <paramref name="withdraw"/> if <paramref name="aborted"/> fires before the request completes.</summary>
    public void OnAbort(CancellationToken aborted, Action<QueuedRequest<TResult>, CancellationToken> withdraw)
    {
        var registration = aborted.UnsafeRegister(static (state, token) =>
        {
            var (request, withdraw) = ((QueuedRequest<TResult>, Action<QueuedRequest<TResult>, CancellationToken>))state!;
            withdraw(request, token);
        }, (this, withdraw));
        Task.ContinueWith(static (_, state) => ((CancellationTokenRegistration)state!).Unregister(), registration,
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    public void Complete(int index, TResult result)
    {
        _results[index] = result;
        if (Interlocked.Decrement(ref _remaining) == 0)
            TrySetResult(_results);
    }
}
