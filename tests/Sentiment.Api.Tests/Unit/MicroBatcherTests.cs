using System.Collections.Concurrent;
using Sentiment.Api.Configuration;
using Sentiment.Api.Serving;

namespace Sentiment.Api.Tests.Unit;

public sealed class MicroBatcherTests
{
    private readonly ConcurrentQueue<string[]> _runs = new();

    private MicroBatcher<string> Create(int workers = 1, int maxBatch = 8, double delayMs = 0, int capacity = 1000,
        Func<ArraySegment<string>, string[]>? run = null, long words = 100_000) =>
        new(run ?? Echo, new BatchingOptions
        {
            Workers = workers,
            MaxInferenceBatch = maxBatch,
            MaxBatchDelay = TimeSpan.FromMilliseconds(delayMs),
            QueueCapacity = capacity,
            QueueWordCapacity = words,
        });

    private string[] Echo(ArraySegment<string> texts)
    {
        _runs.Enqueue([.. texts]);
        return [.. texts.Select(t => t.ToUpperInvariant())];
    }

    // Generous bounds on waits the behaviour must never reach: tests prove behaviour, benchmarks measure time.
    private static readonly TimeSpan Hang = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task LoneRequestAtAnIdleService_RunsWithoutWaitingForTheDelay()
    {
        using var batcher = Create(maxBatch: 32, delayMs: TimeSpan.FromHours(1).TotalMilliseconds);

        var results = await batcher.TryEnqueue(["alone"])!.WaitAsync(Hang); // waiting the hour would time out

        Assert.Equal(["ALONE"], results);
        Assert.Equal(["alone"], Assert.Single(_runs));
    }

    [Fact]
    public async Task WhileAnotherRunIsInProgress_ATextWaitsForOthers_ButNotForThatRunToEnd()
    {
        using var gate = new ManualResetEventSlim();
        using var slowStarted = new ManualResetEventSlim();
        using var batcher = Create(workers: 2, maxBatch: 32, delayMs: 2000,
            run: texts =>
            {
                if (texts[0] == "slow")
                {
                    slowStarted.Set();
                    gate.Wait();
                }
                return Echo(texts);
            });
        using var opensAtExit = OpenAtExit(gate); // a failed assertion must not leave a worker blocked in Dispose
        var slow = batcher.TryEnqueue(["slow"])!;
        // The slow run must be in progress (not merely dequeued) before "a" arrives, or "a" has no reason to wait.
        Assert.True(slowStarted.Wait(Hang));

        var first = batcher.TryEnqueue(["a"])!;
        await WaitUntilAsync(() => batcher.QueueLength == 0); // the second worker holds "a" and waits for company
        var second = batcher.TryEnqueue(["b"])!;
        await Task.WhenAll(first, second).WaitAsync(Hang); // the slow run is still blocked

        Assert.False(slow.IsCompleted);
        Assert.Equal(["a", "b"], _runs.Single(r => r[0] == "a"));
        gate.Set();
        await slow;
    }

    [Fact]
    public async Task RequestsArrivingDuringARun_AreScoredTogether()
    {
        using var gate = new ManualResetEventSlim();
        using var batcher = Create(maxBatch: 8, run: texts => { gate.Wait(); return Echo(texts); });
        using var opensAtExit = OpenAtExit(gate); // a failed assertion must not leave a worker blocked in Dispose
        var first = batcher.TryEnqueue(["first"])!;
        await WaitUntilAsync(() => batcher.QueueLength == 0);

        var waiting = Enumerable.Range(0, 5).Select(i => batcher.TryEnqueue([$"t{i}"])!).ToArray();
        gate.Set();
        await Task.WhenAll(waiting.Append(first));

        Assert.Equal(2, _runs.Count);
        Assert.Equal(["t0", "t1", "t2", "t3", "t4"], _runs.Last());
    }

    [Fact]
    public async Task ARun_NeverHoldsMoreThanMaxInferenceBatch_AndResultsKeepRequestOrder()
    {
        using var gate = new ManualResetEventSlim();
        using var batcher = Create(maxBatch: 4, run: texts => { gate.Wait(); return Echo(texts); });
        using var opensAtExit = OpenAtExit(gate); // a failed assertion must not leave a worker blocked in Dispose
        var texts = Enumerable.Range(0, 11).Select(i => $"t{i}").ToArray();

        var request = batcher.TryEnqueue(texts)!;
        gate.Set();
        var results = await request;

        Assert.Equal(texts.Select(t => t.ToUpperInvariant()), results);
        Assert.All(_runs, run => Assert.InRange(run.Length, 1, 4));
        Assert.Equal(texts, _runs.SelectMany(r => r));
    }

    [Fact]
    public async Task ConcurrentRequests_GetTheirOwnResults()
    {
        using var batcher = Create(workers: 3, maxBatch: 16, delayMs: 1);

        var requests = Enumerable.Range(0, 500).Select(i => Task.Run(() => batcher.TryEnqueue([$"r{i}a", $"r{i}b"])!));
        var results = await Task.WhenAll(requests);

        for (int i = 0; i < results.Length; i++)
            Assert.Equal([$"R{i}A", $"R{i}B"], results[i]);
    }

    [Fact]
    public async Task FullQueue_RefusesTheWholeRequestAndQueuesNothing()
    {
        using var gate = new ManualResetEventSlim();
        using var batcher = Create(capacity: 3, maxBatch: 1, run: texts => { gate.Wait(); return Echo(texts); });
        using var opensAtExit = OpenAtExit(gate); // a failed assertion must not leave a worker blocked in Dispose
        var running = batcher.TryEnqueue(["running"])!;
        await WaitUntilAsync(() => batcher.QueueLength == 0);
        var queued = batcher.TryEnqueue(["a", "b"])!;

        Assert.Null(batcher.TryEnqueue(["c", "d"]));
        Assert.Equal(2, batcher.QueueLength);
        Assert.NotNull(batcher.TryEnqueue(["c"]));
        Assert.Null(batcher.TryEnqueue(["d"]));

        gate.Set();
        Assert.Equal(["A", "B"], await queued);
        await running;
    }

    [Fact]
    public async Task QueueAdmission_WeighsTextsByTheirWords()
    {
        using var gate = new ManualResetEventSlim();
        var (batcher, running) = await CreateBusyAsync(gate, words: 10);
        using var disposes = batcher;
        using var opensAtExit = OpenAtExit(gate); // a failed assertion must not leave a worker blocked in Dispose
        var six = batcher.TryEnqueue(["one two three four five six"])!;

        Assert.Null(batcher.TryEnqueue(["one two  three\tfour\nfive"])); // 6 + 5 words > 10, however few texts
        Assert.Equal(1, batcher.QueueLength);
        var four = batcher.TryEnqueue(["one two three", "four"])!;
        Assert.Null(batcher.TryEnqueue(["one"]));

        gate.Set();
        Assert.Equal(["ONE TWO THREE", "FOUR"], await four.WaitAsync(Hang));
        await Task.WhenAll(running, six).WaitAsync(Hang);
        Assert.NotNull(batcher.TryEnqueue(["one two three four five six seven eight nine ten"])); // the words left with their texts
    }

    [Theory]
    [InlineData("one two three", 12)] // 3 words: the text and 3 variants of about 3 words
    [InlineData("one two three four five six", 20)] // words past the maximum length (4) get no variant
    [InlineData("   ", 2)] // no word still weighs one
    public void ExplainedText_WeighsItsWordsOncePerRow(string text, long weight)
    {
        Assert.Equal(weight, QueueWeight.Explaining(maxLength: 4).Of(text));
    }

    [Theory]
    [InlineData(3, 100, 4, "4 texts")] // more texts than the queue holds
    [InlineData(100, 10, 2, "12 words")] // more words than the queue holds
    public async Task RequestOutweighingTheWholeQueue_FailsAsNeverFitting_AndQueuesNothing(
        int capacity, long words, int texts, string named)
    {
        using var batcher = Create(capacity: capacity, words: words);

        var request = batcher.TryEnqueue([.. Enumerable.Repeat("one two three four five six", texts)]);

        Assert.NotNull(request); // not null: null means "full now, retry"
        var refusal = await Assert.ThrowsAsync<BatchTooLargeException>(() => request);
        Assert.Contains("can never fit", refusal.Message);
        Assert.Contains(named, refusal.Message);
        Assert.Equal(0, batcher.QueueLength);
        Assert.Empty(_runs);
    }

    [Fact]
    public async Task AbortedRequest_LeavesTheQueue_AndItsTextsAreNeverScored()
    {
        using var gate = new ManualResetEventSlim();
        var (batcher, running) = await CreateBusyAsync(gate, capacity: 4);
        using var disposes = batcher;
        using var opensAtExit = OpenAtExit(gate); // a failed assertion must not leave a worker blocked in Dispose
        using var abort = new CancellationTokenSource();
        var gone = batcher.TryEnqueue(["gone", "too", "also"], abort.Token)!;
        var kept = batcher.TryEnqueue(["kept"])!;
        Assert.Null(batcher.TryEnqueue(["no room"]));

        await abort.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => gone.WaitAsync(Hang));
        Assert.Equal(1, batcher.QueueLength);
        Assert.NotNull(batcher.TryEnqueue(["room again"])); // the withdrawn texts freed their place
        gate.Set();
        Assert.Equal(["KEPT"], await kept.WaitAsync(Hang));
        await running.WaitAsync(Hang);
        Assert.DoesNotContain(_runs.SelectMany(r => r), text => text is "gone" or "too" or "also");
    }

    [Fact]
    public async Task AbortedRequest_PartlyScored_HasItsRemainingTextsWithdrawn()
    {
        using var gate = new ManualResetEventSlim();
        using var batcher = Create(maxBatch: 1, run: texts => { gate.Wait(); return Echo(texts); });
        using var opensAtExit = OpenAtExit(gate); // a failed assertion must not leave a worker blocked in Dispose
        using var abort = new CancellationTokenSource();
        var request = batcher.TryEnqueue(["first", "second", "third"], abort.Token)!;
        await WaitUntilAsync(() => batcher.QueueLength == 2); // "first" is being scored

        await abort.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => request.WaitAsync(Hang));
        Assert.Equal(0, batcher.QueueLength);
        gate.Set();
        Assert.Equal(["AFTER"], await batcher.TryEnqueue(["after"])!.WaitAsync(Hang));
        Assert.Equal(["first", "after"], _runs.SelectMany(r => r));
    }

    [Fact]
    public async Task AlreadyAbortedRequest_IsNotQueued()
    {
        using var batcher = Create();

        var request = batcher.TryEnqueue(["late"], new CancellationToken(canceled: true))!;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => request);
        Assert.Empty(_runs);
    }

    [Fact]
    public async Task FailedRun_FaultsItsRequests_AndTheWorkerGoesOn()
    {
        using var batcher = Create(run: texts => texts[0] == "bad" ? throw new InvalidOperationException("boom") : Echo(texts));

        await Assert.ThrowsAsync<InvalidOperationException>(() => batcher.TryEnqueue(["bad"])!);
        Assert.Equal(["GOOD"], await batcher.TryEnqueue(["good"])!);
    }

    [Fact]
    public async Task Dispose_ScoresWhatIsQueued_AndRefusesNewTexts()
    {
        using var gate = new ManualResetEventSlim();
        var batcher = Create(maxBatch: 1, run: texts => { gate.Wait(); return Echo(texts); });
        using var opensAtExit = OpenAtExit(gate); // a failed assertion must not leave a worker blocked in Dispose
        var running = batcher.TryEnqueue(["running"])!;
        await WaitUntilAsync(() => batcher.QueueLength == 0);
        var queued = batcher.TryEnqueue(["queued"])!;

        var disposing = Task.Run(batcher.Dispose);
        var queuedBeforeTheStop = new List<Task<string[]>>();
        while (batcher.TryEnqueue(["late"]) is { } late) // accepted until Dispose has begun
        {
            queuedBeforeTheStop.Add(late);
            await Task.Delay(5);
        }
        Assert.False(disposing.IsCompleted); // it waits for what is queued
        gate.Set();
        await disposing.WaitAsync(Hang);

        Assert.Equal(["RUNNING"], await running.WaitAsync(Hang));
        Assert.Equal(["QUEUED"], await queued.WaitAsync(Hang));
        Assert.All(await Task.WhenAll(queuedBeforeTheStop).WaitAsync(Hang), result => Assert.Equal(["LATE"], result));
    }

    [Fact]
    public async Task Abandon_FailsWhatIsQueued_LetsTheRunningBatchFinish_AndRefusesNewTexts()
    {
        using var gate = new ManualResetEventSlim();
        using var batcher = Create(maxBatch: 1, run: texts => { gate.Wait(); return Echo(texts); });
        using var opensAtExit = OpenAtExit(gate); // a failed assertion must not leave a worker blocked in Dispose
        var running = batcher.TryEnqueue(["running"])!;
        await WaitUntilAsync(() => batcher.QueueLength == 0);
        var queued = batcher.TryEnqueue(["queued", "too"])!;

        Assert.Equal(2, batcher.Abandon());

        await Assert.ThrowsAsync<ScoringAbandonedException>(() => queued.WaitAsync(Hang));
        Assert.Equal(0, batcher.QueueLength);
        Assert.Null(batcher.TryEnqueue(["late"]));
        Assert.False(running.IsCompleted);
        gate.Set();
        Assert.Equal(["RUNNING"], await running.WaitAsync(Hang));
        Assert.Equal(["running"], Assert.Single(_runs)); // the abandoned texts were never scored
    }

    /// <summary>A batcher whose one worker is scoring "running" until the gate opens, so what comes next stays queued.</summary>
    private async Task<(MicroBatcher<string> Batcher, Task<string[]> Running)> CreateBusyAsync(
        ManualResetEventSlim gate, int capacity = 1000, long words = 100_000)
    {
        var batcher = Create(maxBatch: 8, capacity: capacity, words: words, run: texts => { gate.Wait(); return Echo(texts); });
        var running = batcher.TryEnqueue(["running"])!;
        await WaitUntilAsync(() => batcher.QueueLength == 0);
        return (batcher, running);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met in time");
            await Task.Delay(5);
        }
    }

    private static IDisposable OpenAtExit(ManualResetEventSlim gate) => new GateOpener(gate);

    private sealed class GateOpener(ManualResetEventSlim gate) : IDisposable
    {
        public void Dispose() => gate.Set();
    }
}
