namespace Sentiment.Api.Serving;

/// <summary>
/// One request's texts in the <see cref="MicroBatcher{TResult}"/> queue: workers take them in order
/// from <see cref="Next"/>; the task completes when the last one has been scored.
/// </summary>
internal sealed class QueuedRequest<TResult> : TaskCompletionSource<TResult[]>
{
    private readonly TResult[] _results;
    private readonly int[] _words;
    private int _remaining;

    public QueuedRequest(IReadOnlyList<string> texts) : base(TaskCreationOptions.RunContinuationsAsynchronously)
    {
        Texts = texts;
        _results = new TResult[texts.Count];
        _remaining = texts.Count;
        _words = new int[texts.Count];
        for (int i = 0; i < texts.Count; i++)
        {
            _words[i] = WordsIn(texts[i]);
            Words += _words[i];
        }
    }

    public IReadOnlyList<string> Texts { get; }

    /// <summary>The words of the texts not yet taken by a worker: what this request weighs in the queue.</summary>
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

    /// <summary>
    /// Runs of non-space characters, at least 1: what a text costs to score grows with its words
    /// (tokenizing, and the LSTM's steps), so the queue is bounded in words as well as texts.
    /// </summary>
    public static int WordsIn(string text)
    {
        int words = 0;
        bool inWord = false;
        foreach (char c in text)
        {
            bool space = char.IsWhiteSpace(c);
            if (!space && !inWord)
                words++;
            inWord = !space;
        }
        return Math.Max(words, 1);
    }
}
