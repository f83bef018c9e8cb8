using System.Net;
using Microsoft.Extensions.Options;
using Sentiment.Api.Configuration;
using Sentiment.Api.Tests.Infrastructure;
using static Sentiment.Api.Tests.Infrastructure.HttpAssertions;

namespace Sentiment.Api.Tests.Unit;

/// <summary>
/// One text per second into a bucket of 64, so the bucket refills by at most a text or two while a
/// test runs: every count below keeps that margin.
/// </summary>
public sealed class RateLimitTests : IDisposable
{
    private static readonly (string, string)[] Limit = [("RateLimit:TextsPerSecond", "1"), ("RateLimit:Burst", "64")];

    private readonly FakeModelFactory _factory = new() { Settings = TestKeys.Settings(Limit) };

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task ABatch_CostsItsNumberOfTexts()
    {
        var client = Client(TestKeys.Ci);

        var sixty = await client.PostAsync("/sentiment/batch", Json(Reviews.BatchBody(Reviews.Mixed(60))));
        var eight = await client.PostAsync("/sentiment/batch", Json(Reviews.BatchBody(Reviews.Mixed(8)))); // 4 left, plus a refill or two
        var one = await client.PostAsync("/sentiment", Json(Reviews.Body("good film"))); // the refused 8 took nothing

        Assert.Equal(HttpStatusCode.OK, sixty.StatusCode);
        var problem = await eight.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Contains("8 texts", problem.GetProperty("detail").GetString());
        Assert.True(eight.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), $"Retry-After: {eight.Headers.RetryAfter}");
        Assert.Equal(HttpStatusCode.OK, one.StatusCode);
    }

    [Fact]
    public async Task EachKey_HasItsOwnBucket_AndRefusalsAreCountedByKeyName()
    {
        var ci = Client(TestKeys.Ci);
        var ops = Client(TestKeys.Ops);

        var full = await ci.PostAsync("/sentiment/batch", Json(Reviews.BatchBody(Reviews.Mixed(64))));
        var refused = await ci.PostAsync("/sentiment/batch", Json(Reviews.BatchBody(Reviews.Mixed(8))));
        var other = await ops.PostAsync("/sentiment/batch", Json(Reviews.BatchBody(Reviews.Mixed(64))));
        string metrics = await ci.GetStringAsync("/metrics");

        Assert.Equal(HttpStatusCode.OK, full.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Contains("sentiment_rate_limited_total{key=\"ci\"} 1", metrics);
        Assert.DoesNotContain("sentiment_rate_limited_total{key=\"ops\"}", metrics);
    }

    [Fact]
    public async Task WithoutKeys_ClientsAreLimitedByAddress_AndCountedAsAnonymous()
    {
        using var open = new FakeModelFactory { Settings = Limit.ToDictionary(s => s.Item1, s => s.Item2) };
        var client = open.CreateClient();

        var full = await client.PostAsync("/sentiment/batch", Json(Reviews.BatchBody(Reviews.Mixed(64))));
        var refused = await client.PostAsync("/sentiment/batch", Json(Reviews.BatchBody(Reviews.Mixed(8))));

        Assert.Equal(HttpStatusCode.OK, full.StatusCode);
        await refused.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Contains("sentiment_rate_limited_total{key=\"anonymous\"} 1", await client.GetStringAsync("/metrics"));
    }

    [Fact]
    public async Task WithoutRateLimit_ManyBatchesAreScored()
    {
        using var open = new FakeModelFactory { Settings = TestKeys.Settings() };
        var client = open.CreateClient();
        client.DefaultRequestHeaders.Add("X-API-Key", TestKeys.Ci);

        for (int i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/sentiment/batch", Json(Reviews.BatchBody(Reviews.Mixed(64))))).StatusCode);
    }

    [Fact]
    public async Task Swagger429Example_IsTheRealAnswer()
    {
        var client = Client(TestKeys.Ops);
        var document = await (await client.GetAsync("/swagger/v1/swagger.json")).ReadJsonAsync();
        var documented = document.GetProperty("paths").GetProperty("/sentiment/batch").GetProperty("post").GetProperty("responses")
            .GetProperty("429").GetProperty("content").GetProperty("application/problem+json").GetProperty("examples")
            .GetProperty("rate limited").GetProperty("value");

        await client.PostAsync("/sentiment/batch", Json(Reviews.BatchBody(Reviews.Mixed(64))));
        var response = await client.PostAsync("/sentiment/batch", Json(Reviews.BatchBody(Reviews.Mixed(64))));

        ExampleAssert.Same(documented, await response.AssertProblemAsync(HttpStatusCode.TooManyRequests), "POST /sentiment/batch 429");
    }

    [Theory]
    [InlineData(100, 0, true)] // a second's worth is enough for a batch of 64
    [InlineData(10, 64, true)]
    [InlineData(10, 0, false)]
    [InlineData(1000, 63, false)]
    [InlineData(0, 1, true)] // off
    public void BucketSmallerThanTheLargestBatch_IsRefused(int textsPerSecond, int burst, bool valid)
    {
        var validation = new RateLimitValidation(Options.Create(new ApiOptions()));

        var result = validation.Validate(null, new RateLimitOptions { TextsPerSecond = textsPerSecond, Burst = burst });

        Assert.Equal(valid, result.Succeeded);
        if (!valid)
            Assert.Contains("RateLimit:Burst", result.FailureMessage);
    }

    private HttpClient Client(string key)
    {
        var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-API-Key", key);
        return client;
    }
}
