using System.Net;
using Sentiment.TestKit;

namespace Sentiment.EndToEnd.Tests;

/// <summary>The test kit's <see cref="ApiProcess"/>, against the real service binary.</summary>
[Collection(TinyBundleServiceCollection.Name)]
public sealed class ApiProcessTests(TinyBundleService service)
{
    [Fact]
    public async Task TwoProcesses_StartedTogether_EachGetTheirOwnPort_AndStopOnDispose()
    {
        var first = TinyBundleService.Start();
        var second = TinyBundleService.Start();
        Uri[] addresses;
        await using (first)
        await using (second)
        {
            addresses = await Task.WhenAll(first.WaitUntilReadyAsync(), second.WaitUntilReadyAsync());

            Assert.NotEqual(0, addresses[0].Port);
            Assert.NotEqual(addresses[0].Port, addresses[1].Port);
            Assert.NotEqual(service.BaseAddress.Port, addresses[0].Port);
        }

        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        foreach (var address in addresses)
            await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(new Uri(address, "/health/live")));
    }

    [Fact]
    public async Task WaitUntilReadyAsync_WhenTheApiRefusesToStart_ThrowsWithItsOutput_InsteadOfWaiting()
    {
        await using var refused = TinyBundleService.Start(new Dictionary<string, string>
        {
            ["Model__Path"] = Path.Combine(TinyBundleFiles.Committed, "missing"),
        });

        var error = await Assert.ThrowsAsync<InvalidOperationException>(refused.WaitUntilReadyAsync);

        Assert.Contains("exited with code 1", error.Message);
        Assert.Contains("Refusing to start", error.Message);
    }

    [Fact]
    public async Task WaitForExitAsync_OnAServiceThatKeepsRunning_ThrowsTimeout()
    {
        var error = await Assert.ThrowsAsync<TimeoutException>(() => service.Process.WaitForExitAsync(TimeSpan.FromMilliseconds(200)));

        Assert.Contains("did not exit within 0.2 s", error.Message);
        using var client = service.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
    }

    [Fact]
    public async Task WaitForLineAsync_FindsTheListeningLine()
    {
        string line = await service.Process.WaitForLineAsync(l => l.Contains("Now listening on"));

        Assert.Contains($":{service.BaseAddress.Port}", line);
    }
}
