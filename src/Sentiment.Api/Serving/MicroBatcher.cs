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
    private readonly long _delayTicks;
    private readonly Queue<Entry> _queue = new();
    private readonly object _gate = new(); // a Monitor, for Wait and Pulse
    private readonly SemaphoreSlim _lead = new(1, 1);
    private readonly Thread[] _workers;
    private bool _stopping;
    private int _running;

    public MicroBatcher(Func<ArraySegment<string>, TResult[]> run, BatchingOptions options, Action<int>? queueLengthChanged = null)
    {
        _run = run;
        _queueLengthChanged = queueLengthChanged;
        _maxBatch = options.MaxInferenceBatch;
        _capacity = options.QueueCapacity;
        _delayTicks = (long)(options.MaxBatchDelay.TotalSeconds * Stopwatch.Frequency);
        _workers = new Thread[options.WorkerCount];
        for (int i = 0; i < _workers.Length; i++)
        {
            _workers[i] = new Thread(WorkLoop) { IsBackground = true, Name = $"inference-{i}" };
            _workers[i].Start();
        }
    }

    public int QueueLength
    {
        get
        {
            lock (_gate)
                return _queue.Count;
        }
    }

    /// <summary>
    /// Queues the texts as one request; the task gives their results in order. Null when the
    /// queue cannot take them all (none is queued then) or the batcher is being disposed.
    /// </summary>
    public Task<TResult[]>? TryEnqueue(IReadOnlyList<string> texts)
    {
        if (texts.Count == 0)
            return Task.FromResult(Array.Empty<TResult>());
        var pending = new Pending(texts.Count);
        int length;
        lock (_gate)
        {
            if (_stopping || _queue.Count + texts.Count > _capacity)
                return null;
            for (int i = 0; i < texts.Count; i++)
                _queue.Enqueue(new Entry(texts[i], pending, i));
            length = _queue.Count;
            Monitor.Pulse(_gate); // only the leader waits on the gate
        }
        _queueLengthChanged?.Invoke(length);
        return pending.Task;
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
            length = _queue.Count;
        }
        _queueLengthChanged?.Invoke(length);
        return true;
    }

    private void Drain(List<Entry> batch)
    {
        while (batch.Count < _maxBatch && _queue.TryDequeue(out var entry))
            batch.Add(entry);
    }

    private void Run(List<Entry> batch, string[] texts)
    {
        int count = batch.Count;
        for (int i = 0; i < count; i++)
            texts[i] = batch[i].Text;
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
        Entry[] abandoned;
        lock (_gate)
        {
            _stopping = true;
            abandoned = [.. _queue];
            _queue.Clear();
            Monitor.PulseAll(_gate);
        }
        _queueLengthChanged?.Invoke(0);
        var failure = new ScoringAbandonedException();
        foreach (var entry in abandoned)
            entry.Owner.TrySetException(failure);
        return abandoned.Length;
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

    private readonly record struct Entry(string Text, Pending Owner, int Index);

    /// <summary>One request's texts; completes when the last of them has been scored.</summary>
    private sealed class Pending(int count)
        : TaskCompletionSource<TResult[]>(TaskCreationOptions.RunContinuationsAsynchronously)
    {
        private readonly TResult[] _results = new TResult[count];
        private int _remaining = count;

        public void Complete(int index, TResult result)
        {
            _results[index] = result;
            if (Interlocked.Decrement(ref _remaining) == 0)
                TrySetResult(_results);
        }
    }
}
