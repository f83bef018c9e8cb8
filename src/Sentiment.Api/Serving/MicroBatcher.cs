using System.Diagnostics;
using Sentiment.Api.Configuration;

namespace Sentiment.Api.Serving;

/// <summary>
/// Groups texts from concurrent requests into model runs. Worker threads take turns as leader:
/// the leader takes what is queued and, while another run is in progress (so more requests are
/// likely on their way), waits at most <see cref="BatchingOptions.MaxBatchDelay"/> for more; it
/// never waits for a full batch, and a text arriving at an idle service runs at once. Then it
/// hands the lead on and runs the batch. Dedicated threads, because a model run blocks and would
/// starve the thread pool that serves HTTP.
/// </summary>
internal sealed class MicroBatcher<TResult> : IDisposable
{
    private readonly Func<ArraySegment<string>, TResult[]> _run;
    private readonly Action<int>? _queueLengthChanged;
    private readonly int _maxBatch;
    private readonly int _capacity;
    private readonly long _wordCapacity;
    private readonly QueueWeight _weight;
    private readonly long _delayTicks;
    private readonly LinkedList<QueuedRequest<TResult>> _queue = new(); // requests with texts not yet taken, oldest first
    private readonly object _gate = new(); // a Monitor, for Wait and Pulse
    private readonly SemaphoreSlim _lead = new(1, 1);
    private readonly Thread[] _workers;
    private int _queuedTexts;
    private long _queuedWords;
    private bool _stopping;
    private int _running;

    public MicroBatcher(Func<ArraySegment<string>, TResult[]> run, BatchingOptions options, Action<int>? queueLengthChanged = null,
        QueueWeight? weight = null)
    {
        _run = run;
        _weight = weight ?? QueueWeight.Scoring;
        _queueLengthChanged = queueLengthChanged;
        _maxBatch = options.MaxInferenceBatch;
        _capacity = options.QueueCapacity;
        _wordCapacity = options.QueueWordCapacity;
        _delayTicks = (long)(options.MaxBatchDelay.TotalSeconds * Stopwatch.Frequency);
        _workers = new Thread[options.WorkerCount];
        for (int i = 0; i < _workers.Length; i++)
        {
            _workers[i] = new Thread(WorkLoop) { IsBackground = true, Name = $"inference-{i}" };
            _workers[i].Start();
        }
    }

    /// <summary>Texts waiting for a model run.</summary>
    public int QueueLength
    {
        get
        {
            lock (_gate)
                return _queuedTexts;
        }
    }

    /// <summary>
    /// Queues the texts as one request; the task gives their results in order. Null when the
    /// queue cannot take them all now (none is queued then) or the batcher is being disposed; a
    /// task failed with <see cref="BatchTooLargeException"/> when it never could. When
    /// <paramref name="aborted"/> fires, the texts not yet taken by a worker leave the queue
    /// unscored and the task is cancelled.
    /// </summary>
    public Task<TResult[]>? TryEnqueue(IReadOnlyList<string> texts, CancellationToken aborted = default)
    {
        if (texts.Count == 0)
            return Task.FromResult(Array.Empty<TResult>());
        if (aborted.IsCancellationRequested)
            return Task.FromCanceled<TResult[]>(aborted);
        var request = new QueuedRequest<TResult>(texts, _weight);
        if (texts.Count > _capacity || request.Words > _wordCapacity)
            return Task.FromException<TResult[]>(new BatchTooLargeException(texts.Count, request.Words, _capacity, _wordCapacity, _weight));
        int length;
        lock (_gate)
        {
            if (_stopping || _queuedTexts + texts.Count > _capacity || _queuedWords + request.Words > _wordCapacity)
                return null;
            request.Node = _queue.AddLast(request);
            _queuedTexts += texts.Count;
            _queuedWords += request.Words;
            length = _queuedTexts;
            Monitor.Pulse(_gate); // only the leader waits on the gate
        }
        _queueLengthChanged?.Invoke(length);
        if (aborted.CanBeCanceled)
            request.OnAbort(aborted, Withdraw);
        return request.Task;
    }

    /// <summary>The client is gone: its texts still queued are removed, and those already taken are not answered.</summary>
    private void Withdraw(QueuedRequest<TResult> request, CancellationToken token)
    {
        int? length = null;
        lock (_gate)
        {
            if (request.Node is { List: not null } node)
            {
                _queue.Remove(node);
                _queuedTexts -= request.Untaken;
                _queuedWords -= request.Words;
                length = _queuedTexts;
            }
        }
        if (length is { } queued)
            _queueLengthChanged?.Invoke(queued);
        request.TrySetCanceled(token);
    }

    private void WorkLoop()
    {
        var batch = new List<Entry>(_maxBatch);
        var texts = new string[_maxBatch];
        while (true)
        {
            _lead.Wait();
            bool collected;
            try { collected = Collect(batch); }
            finally { _lead.Release(); }
            if (!collected)
                return;
            Run(batch, texts);
            batch.Clear();
        }
    }

    private bool Collect(List<Entry> batch)
    {
        int length;
        lock (_gate)
        {
            while (_queue.Count == 0)
            {
                if (_stopping)
                    return false;
                Monitor.Wait(_gate);
            }
            Drain(batch);
            long deadline = Stopwatch.GetTimestamp() + _delayTicks;
            while (batch.Count < _maxBatch && !_stopping && Volatile.Read(ref _running) > 0)
            {
                long left = deadline - Stopwatch.GetTimestamp();
                if (left <= 0)
                    break;
                // Monitor waits have millisecond resolution, so the wait may end up to 1 ms late.
                Monitor.Wait(_gate, Math.Max(1, (int)(left * 1000 / Stopwatch.Frequency)));
                Drain(batch);
            }
            length = _queuedTexts;
        }
        _queueLengthChanged?.Invoke(length);
        return true;
    }

    private void Drain(List<Entry> batch)
    {
        while (batch.Count < _maxBatch && _queue.First is { } node)
        {
            var request = node.Value;
            long words = request.Words;
            int taken = 0;
            for (; batch.Count < _maxBatch && request.Untaken > 0; taken++)
                batch.Add(new Entry(request, request.Take()));
            _queuedTexts -= taken;
            _queuedWords -= words - request.Words;
            if (request.Untaken == 0)
                _queue.RemoveFirst();
        }
    }

    private void Run(List<Entry> batch, string[] texts)
    {
        batch.RemoveAll(static entry => entry.Owner.Task.IsCompleted); // withdrawn while the leader waited for company
        int count = batch.Count;
        if (count == 0)
            return;
        for (int i = 0; i < count; i++)
            texts[i] = batch[i].Owner.Texts[batch[i].Index];
        Interlocked.Increment(ref _running);
        try
        {
            var results = _run(new ArraySegment<string>(texts, 0, count));
            for (int i = 0; i < count; i++)
                batch[i].Owner.Complete(batch[i].Index, results[i]);
        }
        catch (Exception e)
        {
            foreach (var entry in batch)
                entry.Owner.TrySetException(e);
        }
        finally
        {
            Interlocked.Decrement(ref _running);
            Array.Clear(texts, 0, count); // do not keep request texts alive
        }
    }

    /// <summary>
    /// Refuses new texts and fails those still queued with <see cref="ScoringAbandonedException"/>,
    /// so a stopping service answers them rather than scoring for clients that are gone; runs in
    /// progress finish. Gives the number of texts failed.
    /// </summary>
    public int Abandon()
    {
        QueuedRequest<TResult>[] abandoned;
        int texts;
        lock (_gate)
        {
            _stopping = true;
            abandoned = [.. _queue];
            texts = _queuedTexts;
            _queue.Clear();
            _queuedTexts = 0;
            _queuedWords = 0;
            Monitor.PulseAll(_gate);
        }
        _queueLengthChanged?.Invoke(0);
        var failure = new ScoringAbandonedException();
        foreach (var request in abandoned)
            request.TrySetException(failure);
        return texts;
    }

    /// <summary>Refuses new texts, scores those already queued, then stops the workers.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _stopping = true;
            Monitor.PulseAll(_gate);
        }
        foreach (var worker in _workers)
            worker.Join(); // workers stop only once the queue is empty, so what was queued is scored
        _lead.Dispose();
    }

    private readonly record struct Entry(QueuedRequest<TResult> Owner, int Index);
}
