using System.Net;
using Sentiment.Api.Tests.Infrastructure;
using Sentiment.TestKit;
using static Sentiment.Api.Tests.Infrastructure.HttpAssertions;

namespace Sentiment.Api.Tests.Integration;

/// <summary>A model whose labels are not positive/negative has no score: the field is absent, not null.</summary>
public sealed class OtherLabelsTests : IAsyncLifetime
{
    private readonly TinyBundleFiles _bundle = TinyBundleFiles.Copy();
    private BundleApiFactory _factory = null!;

    public Task InitializeAsync()
    {
        _bundle.Relabel("bad", "good");
        _factory = new BundleApiFactory(_bundle.Path);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        _bundle.Dispose();
    }

    [Fact]
    public async Task Post_OmitsScore_AndGivesProbabilitiesByTheModelsLabels()
    {
        var client = await _factory.CreateReadyClientAsync();

        var response = await client.PostAsync("/sentiment", Json(Reviews.Body("a good movie")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.False(body.TryGetProperty("score", out _), body.ToString());
        Assert.Contains(body.GetProperty("label").GetString(), new[] { "bad", "good" });
        Assert.Equal(["bad", "good"], body.GetProperty("probabilities").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task PostBatch_OmitsScoreInEveryResult()
    {
        var client = await _factory.CreateReadyClientAsync();

        var response = await client.PostAsync("/sentiment/batch", Json(Reviews.BatchBody(Reviews.Mixed(3))));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.All((await response.ReadJsonAsync()).GetProperty("results").EnumerateArray(),
            result => Assert.False(result.TryGetProperty("score", out _), result.ToString()));
    }
}
