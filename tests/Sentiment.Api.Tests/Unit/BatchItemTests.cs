using System.Net;
using System.Text.Json;
using Sentiment.Api.Tests.Infrastructure;
using static Sentiment.Api.Tests.Infrastructure.HttpAssertions;

namespace Sentiment.Api.Tests.Unit;

/// <summary>Batch items as strings or objects with ids, and an error entry in the place of each item that cannot be scored.</summary>
public sealed class BatchItemTests(FakeModelFactory factory) : IClassFixture<FakeModelFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private async Task<JsonElement[]> ResultsAsync(string body)
    {
        var response = await _client.PostAsync("/sentiment/batch", Json(body));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. (await response.ReadJsonAsync()).GetProperty("results").EnumerateArray()];
    }

    private static void AssertError(JsonElement entry, string code, params string[] fragments)
    {
        Assert.False(entry.TryGetProperty("label", out _), entry.ToString());
        Assert.False(entry.TryGetProperty("model", out _), entry.ToString());
        var error = entry.GetProperty("error");
        Assert.Equal(code, error.GetProperty("code").GetString());
        foreach (string fragment in fragments)
            Assert.Contains(fragment, error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task StringsAndObjects_AreScoredInOrder_AndIdsAreEchoed()
    {
        var results = await ResultsAsync("""{"texts": ["a fine film", {"id": "r-2", "text": "dull"}, {"text": "ok then", "id": null}]}""");

        Assert.Equal(3, results.Length);
        Assert.False(results[0].TryGetProperty("id", out _));
        Assert.Equal("r-2", results[1].GetProperty("id").GetString());
        Assert.False(results[2].TryGetProperty("id", out _));
        string[] texts = ["a fine film", "dull", "ok then"];
        for (int i = 0; i < texts.Length; i++)
        {
            Assert.Equal(FakeSentimentModel.Predict(texts[i]).Label, results[i].GetProperty("label").GetString());
            Assert.Equal(TestPaths.TinyManifest.Name, results[i].GetProperty("model").GetString());
            Assert.Equal(TestPaths.TinyManifest.Version, results[i].GetProperty("modelVersion").GetString());
            Assert.False(results[i].TryGetProperty("error", out _));
        }
    }

    [Fact]
    public async Task AnUnscorableItem_GetsItsOwnError_WhileTheOthersAreScored()
    {
        string body = JsonSerializer.Serialize(new
        {
            texts = new object[]
            {
                "good", "  ", new { id = "long", text = new string('b', 6000) }, new { id = "fr", text = "bon", language = "fr" },
                new { id = "who", text = "good", model = "nope" }, "LONE", "fine",
            },
        }).Replace("LONE", "\\ud800 lone", StringComparison.Ordinal); // the serializer would repair a lone surrogate

        var results = await ResultsAsync(body);

        Assert.Equal(7, results.Length);
        Assert.Equal("tiny-sentiment", results[0].GetProperty("model").GetString());
        AssertError(results[1], "empty_text", "'texts[1]'", "whitespace");
        AssertError(results[2], "text_too_long", "'texts[2].text'", "6000 characters", "5120", "MaxTextLength");
        Assert.Equal("long", results[2].GetProperty("id").GetString());
        AssertError(results[3], "unsupported_language", "'fr'", "languages served: en");
        Assert.Equal("fr", results[3].GetProperty("id").GetString());
        AssertError(results[4], "unknown_model", "'nope'", "served: tiny-sentiment");
        AssertError(results[5], "invalid_text", "not valid Unicode");
        Assert.Equal(FakeSentimentModel.Predict("fine").Label, results[6].GetProperty("label").GetString());
    }

    [Fact]
    public async Task TheBatchLanguage_AppliesToItemsThatNameNone()
    {
        var results = await ResultsAsync("""{"language": "fr", "texts": ["bon", {"text": "good", "language": "en"}]}""");

        AssertError(results[0], "unsupported_language", "'fr'");
        Assert.Equal("tiny-sentiment", results[1].GetProperty("model").GetString());
    }

    [Fact]
    public async Task ABatchOfOnlyErrors_Is200_WithoutAModelVersion()
    {
        var response = await _client.PostAsync("/sentiment/batch", Json("""{"texts": ["", " "]}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.False(body.TryGetProperty("modelVersion", out _), body.ToString());
        Assert.All(body.GetProperty("results").EnumerateArray(), entry => AssertError(entry, "empty_text"));
    }
}
