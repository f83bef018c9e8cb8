using System.Net;
using Sentiment.Api.Tests.Infrastructure;
using Sentiment.Core;
using Sentiment.Inference;
using static Sentiment.Api.Tests.Infrastructure.HttpAssertions;

namespace Sentiment.Api.Tests.Integration;

/// <summary>The model in models/, as shipped; skipped, with the reason, while there is none.</summary>
public sealed class ShippedModelTests(ShippedModelFactory factory) : IClassFixture<ShippedModelFactory>
{
    private static readonly string[] Texts =
    [
        "An absolutely wonderful film. The acting is brilliant and I loved every minute of it.",
        "A boring, badly written waste of time; the worst film I have seen this year.",
        "It was fine, I guess.",
        "zyzzyva quokka",
        string.Join(' ', Enumerable.Repeat("great", 800)), // 4,799 characters: under MaxTextLength, over max-len tokens
    ];

    [ShippedModelFact]
    public async Task Model_DescribesTheShippedManifest()
    {
        var client = await factory.CreateReadyClientAsync();
        var manifest = ModelManifest.Load(Path.Combine(TestPaths.ShippedModel, ModelManifest.FileName));

        var model = await (await client.GetAsync("/model")).ReadJsonAsync();

        Assert.Equal(manifest.Version, model.GetProperty("version").GetString());
        Assert.Equal(manifest.Labels, model.GetProperty("labels").EnumerateArray().Select(l => l.GetString()));
    }

    [ShippedModelFact]
    public async Task Post_AnswersExactlyAsTheScorerDoes()
    {
        var client = await factory.CreateReadyClientAsync();
        using var scorer = new SentimentScorer(ModelBundle.Load(TestPaths.ShippedModel));

        await PredictionAssert.ApiMatchesScorerAsync(client, scorer, Texts);
    }

    [ShippedModelFact]
    public async Task ClearReviews_GetTheirLabels()
    {
        var client = await factory.CreateReadyClientAsync();

        var results = await client.PostAsync("/sentiment/batch", Json(Reviews.BatchBody(Texts[..2])));

        var labels = (await results.ReadJsonAsync()).GetProperty("results").EnumerateArray()
            .Select(r => r.GetProperty("label").GetString());
        Assert.Equal(["positive", "negative"], labels);
    }

    [ShippedModelFact]
    public async Task ConcurrentRequests_GetExactlyTheOneByOneAnswers()
    {
        var client = await factory.CreateReadyClientAsync();
        await PredictionAssert.ConcurrentEqualsOneByOneAsync(client, Reviews.Mixed(200, seed: 5));
    }

    [ShippedModelTheory]
    [MemberData(nameof(BadRequests.All), MemberType = typeof(BadRequests))]
    public async Task BadRequest_GetsItsProblem(string path, string mediaType, string body, HttpStatusCode status) =>
        await BadRequests.AssertRefusedAsync(await factory.CreateReadyClientAsync(), path, mediaType, body, status);
}
