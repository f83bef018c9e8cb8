using System.Diagnostics;

namespace Sentiment.TestKit;

/// <summary>
/// Polls until a condition holds, for what happens on another thread or in another process
/// (a log line, a ready service). A condition may throw to stop waiting early.
/// </summary>
internal static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(20);

    public static Task TrueAsync(Func<bool> condition, Func<string> failure, TimeSpan? timeout = null) =>
        TrueAsync(() => Task.FromResult(condition()), failure, timeout);

    /// <summary>Returns once <paramref name="condition"/> is true; throws <see cref="TimeoutException"/> with <paramref name="failure"/> otherwise.</summary>
    public static async Task TrueAsync(Func<Task<bool>> condition, Func<string> failure, TimeSpan? timeout = null)
    {
        var limit = timeout ?? DefaultTimeout;
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > limit) // checked after the condition, so it is always tried once more at the end
                throw new TimeoutException($"Not within {limit.TotalSeconds:0.###} s: {failure()}");
            await Task.Delay(Interval);
        }
    }

    /// <summary>The first non-null result of <paramref name="find"/>.</summary>
    public static async Task<T> FoundAsync<T>(Func<T?> find, Func<string> failure, TimeSpan? timeout = null) where T : class
    {
        T? found = null;
        await TrueAsync(() => (found = find()) is not null, failure, timeout);
        return found!;
    }
}
