using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Sentiment.Api.Tests.Infrastructure;
using static Sentiment.Api.Tests.Infrastructure.HttpAssertions;

namespace Sentiment.Api.Tests.Integration;

/// <summary>Stopping the service (a rolling update, SIGTERM) lets the requests in flight finish.</summary>
public sealed class ShutdownTests
{
    [Fact]
    public async Task Stop_WithARequestInFlight_AnswersIt()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var factory = new FakeModelFactory();
        factory.Model.Hold = release.Task;
        factory.UseKestrel(0); // the real server: TestServer does not drain requests
        factory.StartServer();
        using var client = factory.CreateClient();
        var lifetime = factory.Services.GetRequiredService<IHostApplicationLifetime>();

        var inFlight = client.PostAsync("/sentiment", Json("""{"text": "still scoring"}"""));
        await factory.Model.Scoring.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var stopping = factory.Services.GetRequiredService<IHost>().StopAsync();
        await Task.Delay(Timeout.Infinite, lifetime.ApplicationStopping).ContinueWith(_ => { }); // stop has begun
        Assert.False(stopping.IsCompleted); // it waits for the request
        release.SetResult();

        var response = await inFlight.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(FakeSentimentModel.Predict("still scoring").Label, (await response.ReadJsonAsync()).GetProperty("label").GetString());
        await stopping.WaitAsync(TimeSpan.FromSeconds(30));
    }
}
