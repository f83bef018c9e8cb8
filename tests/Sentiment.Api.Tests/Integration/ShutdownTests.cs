using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Sentiment.Api.Configuration;
using Sentiment.Api.Operations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Sentiment.Api.Serving;
using Sentiment.Api.Tests.Infrastructure;
using Sentiment.TestKit;
using static Sentiment.Api.Tests.Infrastructure.HttpAssertions;

namespace Sentiment.Api.Tests.Integration;

/// <summary>Stopping the service (a rolling update, SIGTERM) lets the requests in flight finish, within Shutdown:Timeout.</summary>
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

    [Fact]
    public void Stopping_TurnsReadinessTo503_AtOnce()
    {
        using var stopping = new CancellationTokenSource();
        var lifetime = new StoppingLifetime(stopping.Token);
        var options = Options.Create(new ApiOptions());
        Assert.IsType<ContentHttpResult>(OperationalEndpoints.Ready(new DefaultHttpContext(), new FakeSentimentModel(), lifetime, options).Result);

        stopping.Cancel(); // what SIGTERM does first

        var http = new DefaultHttpContext();
        var problem = Assert.IsType<ProblemHttpResult>(OperationalEndpoints.Ready(http, new FakeSentimentModel(), lifetime, options).Result);
        Assert.Equal(StatusCodes.Status503ServiceUnavailable, problem.StatusCode);
        Assert.Equal("Shutting down.", problem.ProblemDetails.Title);
        Assert.Equal("1", http.Response.Headers.RetryAfter.ToString());
    }

    private sealed class StoppingLifetime(CancellationToken stopping) : IHostApplicationLifetime
    {
        public CancellationToken ApplicationStarted => CancellationToken.None;
        public CancellationToken ApplicationStopping => stopping;
        public CancellationToken ApplicationStopped => CancellationToken.None;
        public void StopApplication() => throw new NotSupportedException();
    }

    [Fact]
    public async Task TextsAbandonedAtShutdown_Get503()
    {
        await using var factory = new FakeModelFactory();
        factory.Model.Failure = new ScoringAbandonedException();
        using var client = factory.CreateClient();

        var response = await client.PostAsync("/sentiment/batch", Json("""{"texts": ["queued", "too"]}"""));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("Shutting down.", (await response.ReadJsonAsync()).GetProperty("title").GetString());
        Assert.NotNull(response.Headers.RetryAfter);
    }

    [Fact]
    public async Task Stopping_ScoresDuringTheDrain_ThenFailsTextsNearTheTimeout()
    {
        // The model host alone: a test host disposes it as soon as it stops, which ends the drain at once.
        using var stopping = new CancellationTokenSource();
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        using var model = new ModelHost(
            Options.Create(new ModelOptions { Path = TestPaths.TinyBundle }), Options.Create(new BatchingOptions()),
            Options.Create(new ShutdownOptions { Timeout = TimeSpan.FromSeconds(2) }),
            new HostingEnvironment { ContentRootPath = AppContext.BaseDirectory }, new StoppingLifetime(stopping.Token),
            new ServingMetrics(services.GetRequiredService<IMeterFactory>()),
            new ModelMetrics(services.GetRequiredService<IMeterFactory>()), NullLogger<ModelHost>.Instance);
        await model.StartAsync(CancellationToken.None);
        await Eventually.TrueAsync(() => model.Current is not null, () => "the tiny bundle did not load");
        var started = DateTime.UtcNow;
        stopping.Cancel();

        var during = await model.TryScore(["still served"])!.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(1.8), "the drain ended before the text was scored");
        Assert.Single(during.Predictions);

        await Eventually.TrueAsync(() => model.TryScore(["too late"]) is { IsFaulted: true },
            () => "texts were still scored after the queue deadline", TimeSpan.FromSeconds(30));
        Assert.True(DateTime.UtcNow - started >= TimeSpan.FromSeconds(1.8), "the queue was abandoned before 90% of the timeout");
        await Assert.ThrowsAsync<ScoringAbandonedException>(() => model.TryScore(["too late"])!);
    }

    [Fact]
    public async Task Sigterm_StopsTheProcess_WithExitCodeZero()
    {
        await using var service = ApiProcess.Start(TestPaths.Api, new Dictionary<string, string>
        {
            ["Model__Path"] = TestPaths.TinyBundle,
            ["Shutdown__Timeout"] = "00:00:05",
        });
        await service.WaitUntilReadyAsync();

        service.Terminate();

        Assert.Equal(0, await service.WaitForExitAsync(TimeSpan.FromSeconds(30)));
    }
}
