using System.Net;
using System.Text.Json;
using Sentiment.Api.Tests.Infrastructure;
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
    public async Task ExplainedText_WeighsItsVariants_SoItCanNeverFitWhereItsScoringDoes()
    {
        await using var factory = new BundleApiFactory(TestPaths.TinyBundle, ("Batching:QueueWordCapacity", "20"));
        var client = await factory.CreateReadyClientAsync();
        const string fourWords = "a good good film", fiveWords = "a good good good film";

        var scored = await client.PostAsync("/sentiment", Json(Reviews.Body(fiveWords)));
        var explained = await client.PostAsync("/sentiment", Json(JsonSerializer.Serialize(new { text = fourWords, explain = true })));
        var tooHeavy = await client.PostAsync("/sentiment", Json(JsonSerializer.Serialize(new { text = fiveWords, explain = true })));

        Assert.Equal(HttpStatusCode.OK, scored.StatusCode); // 5 words
        Assert.Equal(HttpStatusCode.OK, explained.StatusCode); // 4 words × 5 rows = 20
        var problem = await tooHeavy.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge); // 5 × 6 = 30
        Assert.Contains("30 words, counting every variant", problem.GetProperty("detail").GetString());
        Assert.Contains("explaining queue", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task MixedBatch_WhoseShareForOneModelCanNeverFit_IsRefusedWith413()
    {
        using var models = new TwoLanguageModels();
        await using var factory = new BundleApiFactory(models.Root, ("Batching:QueueCapacity", "2"));
        var client = await factory.CreateReadyClientAsync();

        var fits = await client.PostAsync("/sentiment/batch", Json(Reviews.BatchBody(["good", "bad", "好", "坏"])));
        var tooMany = await client.PostAsync("/sentiment/batch", Json(Reviews.BatchBody(["good", "好", "坏", "好电影"])));

        Assert.Equal(HttpStatusCode.OK, fits.StatusCode); // two texts in each model's queue
        var problem = await tooMany.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("These 3 texts", problem.GetProperty("detail").GetString());
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
        using var model = new GatedModels();
        await using var factory = new GatedModelsFactory(model);
        var client = factory.CreateClient();
        var blocker = client.PostAsync("/sentiment", Json(Reviews.Body("blocker")));
        Assert.True(model.Started.Wait(TimeSpan.FromSeconds(30)), "the first text never reached the model");
        using var abort = new CancellationTokenSource();
        var gone = client.PostAsync("/sentiment/batch", Json(Reviews.BatchBody(["gone", "also gone"])), abort.Token);
        await Eventually.TrueAsync(() => model.QueueLengths[0] == 2, () => $"the batch was not queued ({model.QueueLengths[0]} texts)");

        await abort.CancelAsync();

        await Eventually.TrueAsync(() => model.QueueLengths[0] == 0, () => "the aborted request's texts stayed queued");
        model.Gate.Set();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => gone.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(HttpStatusCode.OK, (await blocker).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/sentiment", Json(Reviews.Body("after")))).StatusCode);
        Assert.Equal(["blocker", "after"], model.Scored);
    }

    [Theory]
    [InlineData(false)] // scoring queues only
    [InlineData(true)] // explain and sentences: explaining and scoring queues
    public async Task ClientThatDisconnects_HasItsTextsWithdrawn_FromEveryQueueOfEveryModelItWasRoutedTo(bool explain)
    {
        using var model = new GatedModels();
        await using var factory = new GatedModelsFactory(model);
        var client = factory.CreateClient();
        // Two texts per model (Han script goes to tiny-zh): each queue's one worker takes the first and waits at the gate.
        string body = JsonSerializer.Serialize(new { texts = new[] { "good film", "bad film", "好电影", "坏电影" }, explain, sentences = explain });
        using var abort = new CancellationTokenSource();
        var gone = client.PostAsync("/sentiment/batch", Json(body), abort.Token);
        int[] held = explain ? [1, 1, 1, 1] : [1, 0, 1, 0];
        await Eventually.TrueAsync(() => model.QueueLengths.SequenceEqual(held), () => $"queued: {string.Join(", ", model.QueueLengths)}");

        await abort.CancelAsync();

        await Eventually.TrueAsync(() => model.QueueLengths.All(n => n == 0), () => $"still queued: {string.Join(", ", model.QueueLengths)}");
        model.Gate.Set();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => gone.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.DoesNotContain(model.Scored, text => text is "bad film" or "坏电影");
    }

    [Fact]
    public async Task MixedBatch_RefusedByOneModelsFullQueue_WithdrawsWhatItQueuedForTheOthers()
    {
        using var model = new GatedModels(queueCapacity: 2);
        await using var factory = new GatedModelsFactory(model);
        var client = factory.CreateClient();
        var filler = client.PostAsync("/sentiment/batch", Json(Reviews.BatchBody(["好", "坏"]))); // one taken, one queued
        await Eventually.TrueAsync(() => model.QueueLengths[2] == 1, () => $"queued: {string.Join(", ", model.QueueLengths)}");
        var more = client.PostAsync("/sentiment", Json(Reviews.Body("差"))); // the Chinese queue is full
        await Eventually.TrueAsync(() => model.QueueLengths[2] == 2, () => $"queued: {string.Join(", ", model.QueueLengths)}");

        var refused = await client.PostAsync("/sentiment/batch", Json(Reviews.BatchBody(["good film", "bad film", "好电影"])));

        await refused.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Equal(0, model.QueueLengths[0]); // "bad film" left the English queue ("good film" was taken by its worker)
        model.Gate.Set();
        Assert.Equal(HttpStatusCode.OK, (await filler).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await more).StatusCode);
        Assert.DoesNotContain("bad film", model.Scored);
    }
}
