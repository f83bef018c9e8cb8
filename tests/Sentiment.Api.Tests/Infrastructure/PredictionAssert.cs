using System.Diagnostics.Metrics;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Sentiment.Api.Serving;
using Sentiment.Inference;
using static Sentiment.Api.Tests.Infrastructure.HttpAssertions;

namespace Sentiment.Api.Tests.Infrastructure;

internal static class PredictionAssert
{
    /// <summary>Same label, bit-identical probabilities and the same token counts.</summary>
    public static void Same(Prediction expected, JsonElement actual)
    {
        if (expected.IsUnknown)
        {
            Assert.Equal("unknown", actual.GetProperty("label").GetString());
            Assert.False(actual.TryGetProperty("probabilities", out _), actual.ToString());
        }
        else
        {
            Assert.Equal(expected.Label, actual.GetProperty("label").GetString());
            Assert.Equal(expected.Confidence, actual.GetProperty("confidence").GetSingle());
            // In label order, as the model outputs them.
            Assert.Equal(expected.Probabilities, actual.GetProperty("probabilities").EnumerateObject().Select(p => p.Value.GetSingle()));
        }
        var tokens = actual.GetProperty("tokens");
        Assert.Equal(expected.TotalTokens, tokens.GetProperty("total").GetInt32());
        Assert.Equal(expected.KnownTokens, tokens.GetProperty("known").GetInt32());
        Assert.Equal(expected.Truncated, tokens.GetProperty("truncated").GetBoolean());
    }

    /// <summary>POSTs one text and gives the raw 200 body.</summary>
    public static async Task<string> ScoreAsync(HttpClient client, string text)
    {
        var response = await client.PostAsync("/sentiment", Json(Reviews.Body(text)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>
    /// The texts sent all at once get the answers of the same texts sent one by one, and some of them
    /// were scored together in one model run of this host: byte-identical answers with a
    /// <paramref name="tolerance"/> of 0 (a plain LSTM), else the same labels and token counts and
    /// probabilities within it (a pooled or bidirectional graph reduces over the batch's padded width,
    /// which can move the last bits of a float).
    /// </summary>
    public static async Task ConcurrentEqualsOneByOneAsync(BundleApiFactory factory, string[] texts, float tolerance = 0)
    {
        var client = await factory.CreateReadyClientAsync();
        var oneByOne = new List<string>();
        foreach (var text in texts)
            oneByOne.Add(await ScoreAsync(client, text));
        using var runs = new MetricCollector<int>(factory.Services.GetRequiredService<IMeterFactory>(),
            ServingMetrics.MeterName, "inference_batch_size");

        var concurrent = await Task.WhenAll(texts.Select(text => Task.Run(() => ScoreAsync(client, text))));

        if (tolerance == 0)
            Assert.Equal(oneByOne, concurrent);
        else
        {
            foreach (var (alone, together) in oneByOne.Zip(concurrent))
                AssertClose(alone, together, tolerance);
        }
        Assert.Contains(runs.GetMeasurementSnapshot(), run => run.Value > 1);
    }

    private static void AssertClose(string expectedJson, string actualJson, float tolerance)
    {
        using var expected = JsonDocument.Parse(expectedJson);
        using var actual = JsonDocument.Parse(actualJson);
        var (e, a) = (expected.RootElement, actual.RootElement);
        Assert.Equal(e.GetProperty("label").GetString(), a.GetProperty("label").GetString());
        Assert.Equal(e.GetProperty("tokens").GetRawText(), a.GetProperty("tokens").GetRawText());
        if (!e.TryGetProperty("probabilities", out var probabilities))
            return;
        foreach (var p in probabilities.EnumerateObject())
            Assert.InRange(a.GetProperty("probabilities").GetProperty(p.Name).GetSingle(), p.Value.GetSingle() - tolerance, p.Value.GetSingle() + tolerance);
    }

    /// <summary>POST /sentiment answers each text exactly as the scorer the trainer uses does.</summary>
    public static async Task ApiMatchesScorerAsync(HttpClient client, SentimentScorer scorer, IEnumerable<string> texts)
    {
        foreach (var text in texts)
        {
            using var document = JsonDocument.Parse(await ScoreAsync(client, text));
            Same(scorer.Predict(text), document.RootElement);
        }
    }
}
