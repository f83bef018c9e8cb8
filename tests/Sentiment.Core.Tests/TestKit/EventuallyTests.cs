using System.Diagnostics;
using Sentiment.TestKit;

namespace Sentiment.Core.Tests.TestKit;

public class EventuallyTests
{
    [Fact]
    public async Task TrueAsync_ReturnsOnceTheConditionHolds()
    {
        int calls = 0;

        await Eventually.TrueAsync(() => ++calls == 3, () => "never three");

        Assert.Equal(3, calls);
    }

    [Fact]
    public async Task TrueAsync_ThrowsTimeoutWithTheFailureText_WhenTheConditionNeverHolds()
    {
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<TimeoutException>(
            () => Eventually.TrueAsync(() => false, () => "the door stayed shut", TimeSpan.FromMilliseconds(100)));

        Assert.Contains("the door stayed shut", error.Message);
        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task TrueAsync_LetsAConditionStopWaitingByThrowing()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => Eventually.TrueAsync(
            () => Task.FromException<bool>(new InvalidOperationException("gone")), () => "unused", TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public async Task FoundAsync_ReturnsTheFirstValueFound()
    {
        var lines = new Queue<string?>([null, null, "ready"]);

        string found = await Eventually.FoundAsync(() => lines.Dequeue(), () => "no line");

        Assert.Equal("ready", found);
    }
}
