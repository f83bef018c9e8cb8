using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Sentiment.Api.Serving;
using Sentiment.Api.Tests.Infrastructure;
using Sentiment.Inference;
using static Sentiment.Api.Tests.Infrastructure.HttpAssertions;

namespace Sentiment.Api.Tests.Integration;

public sealed class TinyBundleTests(TinyBundleFactory factory) : IClassFixture<TinyBundleFactory>, IDisposable
{
    private readonly SentimentScorer _scorer = new(ModelBundle.Load(TestPaths.TinyBundle));

    public void Dispose() => _scorer.Dispose();

    [Fact]
    public async Task Post_AnswersExactlyAsTheScorerDoes()
    {
        var client = await factory.CreateReadyClientAsync();

        await PredictionAssert.ApiMatchesScorerAsync(client, _scorer,
            [.. Reviews.Mixed(20), "The ACTING was great, the plot... not so much!"]);
    }

    [Fact]
    public async Task PostBatch_AnswersEachTextAsTheScorerDoesAlone()
    {
        var client = await factory.CreateReadyClientAsync();
        var texts = Reviews.Mixed(64, seed: 11);

        var response = await client.PostAsync("/sentiment/batch", Json(Reviews.BatchBody(texts)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var results = (await response.ReadJsonAsync()).GetProperty("results").EnumerateArray().ToArray();
        for (int i = 0; i < texts.Length; i++)
            PredictionAssert.Same(_scorer.Predict(texts[i]), results[i]);
    }

    [Fact]
    public async Task ConcurrentRequestsOfMixedLengths_GetExactlyTheOneByOneAnswers()
    {
        await PredictionAssert.ConcurrentEqualsOneByOneAsync(factory, Reviews.Mixed(200, seed: 3));
    }

    [Fact]
    public async Task TextWithNoKnownWord_IsAnsweredUnknown_WithoutProbabilities()
    {
        var client = await factory.CreateReadyClientAsync();
        const string text = "zyzzyva quokka flibbertigibbet";

        var body = await (await client.PostAsync("/sentiment", Json(Reviews.Body(text)))).ReadJsonAsync();

        Assert.Equal("unknown", body.GetProperty("label").GetString());
        Assert.Equal(0, body.GetProperty("tokens").GetProperty("known").GetInt32());
        Assert.Equal(3, body.GetProperty("tokens").GetProperty("total").GetInt32());
        foreach (string absent in new[] { "confidence", "score", "probabilities" })
            Assert.False(body.TryGetProperty(absent, out _), $"{absent} in {body}");
        var warning = Assert.Single(body.GetProperty("warnings").EnumerateArray());
        Assert.Equal("no_known_words", warning.GetProperty("code").GetString());
        Assert.Contains("3 words", warning.GetProperty("message").GetString());
    }

    [Fact]
    public async Task TextWithFewKnownWords_KeepsItsLabel_AndWarnsOfLowCoverage()
    {
        var client = await factory.CreateReadyClientAsync();
        const string text = "good zyzzyva quokka flibbertigibbet"; // 1 of 4 words known, below the default 50%

        var body = await (await client.PostAsync("/sentiment", Json(Reviews.Body(text)))).ReadJsonAsync();

        PredictionAssert.Same(_scorer.Predict(text), body);
        var warning = Assert.Single(body.GetProperty("warnings").EnumerateArray());
        Assert.Equal("low_coverage", warning.GetProperty("code").GetString());
        Assert.Contains("1 of the text's 4 words", warning.GetProperty("message").GetString());
    }

    [Fact]
    public async Task TextWithEnoughKnownWords_HasNoWarnings()
    {
        var client = await factory.CreateReadyClientAsync();

        var body = await (await client.PostAsync("/sentiment", Json(Reviews.Body("good movie zyzzyva")))).ReadJsonAsync();

        Assert.False(body.TryGetProperty("warnings", out _), body.ToString());
    }

    [Fact]
    public async Task Batch_AnswersUnknownForTheUnreadableItemOnly()
    {
        var client = await factory.CreateReadyClientAsync();

        var results = (await (await client.PostAsync("/sentiment/batch", Json(Reviews.BatchBody(["good movie", "😶 ???"]))))
            .ReadJsonAsync()).GetProperty("results");

        Assert.NotEqual("unknown", results[0].GetProperty("label").GetString());
        Assert.Equal("unknown", results[1].GetProperty("label").GetString());
        Assert.Equal("no_known_words", results[1].GetProperty("warnings")[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task TextLongerThanMaxLength_IsMarkedTruncated()
    {
        var client = await factory.CreateReadyClientAsync();
        string text = string.Join(' ', Enumerable.Repeat("good movie", 30));

        var tokens = (await (await client.PostAsync("/sentiment", Json(Reviews.Body(text)))).ReadJsonAsync()).GetProperty("tokens");

        Assert.True(tokens.GetProperty("truncated").GetBoolean());
        Assert.Equal(60, tokens.GetProperty("known").GetInt32());
    }

    [Fact]
    public async Task Metrics_ShowPredictionsBatchesQueueAndReadiness()
    {
        var client = await factory.CreateReadyClientAsync();
        await client.PostAsync("/sentiment/batch", Json(Reviews.BatchBody(Reviews.Mixed(10))));

        string metrics = await client.GetStringAsync("/metrics");

        Assert.Matches("""sentiment_predictions_total\{[^}]*label="(positive|negative)"[^}]*\} [1-9]""", metrics);
        Assert.Matches("""sentiment_inference_batch_size_count\{model="[^"]+"\} [1-9]""", metrics);
        Assert.Matches("""sentiment_inference_duration_seconds_bucket\{model="[^"]+",le="[0-9.]+"\}""", metrics);
        Assert.Contains("sentiment_queue_length ", metrics);
        Assert.Contains("sentiment_model_ready 1", metrics);
        Assert.Matches("""http_request_duration_seconds_count\{code="200",method="POST",[^}]*endpoint="/sentiment/batch"\}""", metrics);
    }

    [Fact]
    public async Task Metrics_CountEachTextOnceByLabel_OnThisHostOnly()
    {
        var client = await factory.CreateReadyClientAsync();
        await using var other = new TinyBundleFactory();
        var otherClient = await other.CreateReadyClientAsync();
        using var predictions = new MetricCollector<long>(factory.Services.GetRequiredService<IMeterFactory>(),
            ServingMetrics.MeterName, "predictions_total");
        var texts = Reviews.Mixed(10, seed: 23);

        var body = await (await client.PostAsync("/sentiment/batch", Json(Reviews.BatchBody(texts)))).ReadJsonAsync();

        var labels = body.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("label").GetString()).ToArray();
        var counted = predictions.GetMeasurementSnapshot();
        Assert.Equal(10, counted.Sum(m => m.Value));
        Assert.Equal(labels.Order(), counted.Select(m => (string?)m.Tags["label"]).Order());
        Assert.DoesNotContain("sentiment_predictions_total", await otherClient.GetStringAsync("/metrics"));
    }

    [Fact]
    public async Task Metrics_CountAnUnreadableTextUnderTheLabelUnknown()
    {
        var client = await factory.CreateReadyClientAsync();
        using var predictions = new MetricCollector<long>(factory.Services.GetRequiredService<IMeterFactory>(),
            ServingMetrics.MeterName, "predictions_total");

        await client.PostAsync("/sentiment", Json(Reviews.Body("qwxz vbnm")));

        var counted = Assert.Single(predictions.GetMeasurementSnapshot());
        Assert.Equal("unknown", counted.Tags["label"]);
    }
}
