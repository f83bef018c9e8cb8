using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Sentiment.Api.Configuration;
using Sentiment.Api.Serving;
using Sentiment.Api.Tests.Infrastructure;
using Sentiment.Inference;
using Sentiment.TestKit;
using static Sentiment.Api.Tests.Infrastructure.HttpAssertions;

namespace Sentiment.Api.Tests.Integration;

/// <summary>A full queue refuses work with 503 and Retry-After instead of growing; work that can never fit gets 413.</summary>
public sealed class OverloadTests
{
    [Fact]
    public async Task BatchWithMoreTextsThanTheWholeQueue_IsRefusedWith413_SayingItCanNeverFit()
    {
        await using var factory = new BundleApiFactory(TestPaths.TinyBundle, ("Batching:QueueCapacity", "8"));
        var client = await factory.CreateReadyClientAsync();

        var response = await client.PostAsync("/sentiment/batch", Json(Reviews.BatchBody(Reviews.Mixed(9))));

        var problem = await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("can never fit", problem.GetProperty("detail").GetString());
        Assert.Contains("Batching:QueueCapacity", problem.GetProperty("detail").GetString());
        Assert.Null(response.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/sentiment/batch", Json(Reviews.BatchBody(Reviews.Mixed(8))))).StatusCode);
    }

    [Fact]
    public async Task BatchWithMoreWordsThanTheWholeQueue_IsRefusedWith413_WhileAsManyShortTextsPass()
    {
        await using var factory = new BundleApiFactory(TestPaths.TinyBundle, ("Batching:QueueWordCapacity", "20"));
        var client = await factory.CreateReadyClientAsync();
        string longReview = string.Join(' ', Enumerable.Repeat("good", 15));

        var response = await client.PostAsync("/sentiment/batch", Json(Reviews.BatchBody([longReview, longReview])));

        var problem = await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("30 words", problem.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/sentiment/batch", Json(Reviews.BatchBody(["good", "bad"])))).StatusCode);
    }

    [Fact]
    public async Task Flood_GetsAnswersOr503s_AndNothingElse()
    {
        await using var factory = new BundleApiFactory(TestPaths.TinyBundle,
            ("Batching:QueueCapacity", "64"), ("Batching:Workers", "1"), ("Batching:MaxInferenceBatch", "4"));
        var client = await factory.CreateReadyClientAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ =>
            Task.Run(() => client.PostAsync("/sentiment/batch", Json(Reviews.BatchBody(Reviews.Mixed(16)))))));

        Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.ServiceUnavailable }));
        Assert.Contains(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.All(responses.Where(r => r.StatusCode == HttpStatusCode.ServiceUnavailable), r => Assert.NotNull(r.Headers.RetryAfter));
    }

    [Fact]
    public async Task ClientThatDisconnects_HasItsQueuedTextsWithdrawn_Unscored()
    {
        using var model = new GatedModel();
        await using var factory = new GatedModelFactory(model);
        var client = factory.CreateClient();
        var blocker = client.PostAsync("/sentiment", Json(Reviews.Body("blocker")));
        Assert.True(model.Started.Wait(TimeSpan.FromSeconds(30)), "the first text never reached the model");
        using var abort = new CancellationTokenSource();
        var gone = client.PostAsync("/sentiment/batch", Json(Reviews.BatchBody(["gone", "also gone"])), abort.Token);
        await Eventually.TrueAsync(() => model.QueueLength == 2, () => $"the batch was not queued ({model.QueueLength} texts)");

        await abort.CancelAsync();

        await Eventually.TrueAsync(() => model.QueueLength == 0, () => "the aborted request's texts stayed queued");
        model.Gate.Set();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => gone.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(HttpStatusCode.OK, (await blocker).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/sentiment", Json(Reviews.Body("after")))).StatusCode);
        Assert.Equal(["blocker", "after"], model.Scored);
    }

    /// <summary>The real micro-batcher, one text per run, whose runs wait for a gate, so texts can be held in the queue.</summary>
    private sealed class GatedModel : ISentimentModel, IDisposable
    {
        private readonly MicroBatcher<Prediction> _batcher;

        public GatedModel() => _batcher = new(Run, new BatchingOptions { Workers = 1, MaxInferenceBatch = 1 });

        public ManualResetEventSlim Gate { get; } = new();

        public ManualResetEventSlim Started { get; } = new();

        public ConcurrentQueue<string> Scored { get; } = new();

        public ServedModel? Current { get; } = new(TestPaths.TinyManifest);

        public int QueueLength => _batcher.QueueLength;

        public Task<Prediction[]>? TryScore(IReadOnlyList<string> texts, CancellationToken aborted = default) =>
            _batcher.TryEnqueue(texts, aborted);

        private Prediction[] Run(ArraySegment<string> texts)
        {
            Started.Set();
            Gate.Wait();
            foreach (var text in texts)
                Scored.Enqueue(text);
            return [.. texts.Select(FakeSentimentModel.Predict)];
        }

        public void Dispose()
        {
            Gate.Set(); // a failed assertion must not leave the worker blocked
            _batcher.Dispose();
            Gate.Dispose();
            Started.Dispose();
        }
    }

    private sealed class GatedModelFactory(ISentimentModel model) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
            builder.ConfigureTestServices(services =>
            {
                services.RemoveAll<ISentimentModel>();
                services.AddSingleton(model);
            });
        }
    }
}
