using System.Net;
using Sentiment.Api.Tests.Infrastructure;
using static Sentiment.Api.Tests.Infrastructure.HttpAssertions;

namespace Sentiment.Api.Tests.Integration;

/// <summary>A full queue refuses work with 503 and Retry-After instead of growing.</summary>
public sealed class OverloadTests
{
    [Fact]
    public async Task BatchLargerThanTheQueue_IsRefusedWith503AndRetryAfter()
    {
        await using var factory = new BundleApiFactory(TestPaths.TinyBundle, ("Batching:QueueCapacity", "8"));
        var client = await factory.CreateReadyClientAsync();

        var response = await client.PostAsync("/sentiment/batch", Json(Reviews.BatchBody(Reviews.Mixed(9))));

        await response.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Equal(TimeSpan.FromSeconds(1), response.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/sentiment/batch", Json(Reviews.BatchBody(Reviews.Mixed(8))))).StatusCode);
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
}
