using System.Net;
using System.Text.Json;
using Sentiment.Api.Tests.Infrastructure;
using static Sentiment.Api.Tests.Infrastructure.HttpAssertions;

namespace Sentiment.Api.Tests.Unit;

public sealed class BatchRequestTests(FakeModelFactory factory) : IClassFixture<FakeModelFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task PostBatch_ReturnsOneResultPerTextInOrder()
    {
        string[] texts = ["one", "a longer text", "mid length"];

        var response = await _client.PostAsync("/sentiment/batch", Json(JsonSerializer.Serialize(new { texts })));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.Equal("0.1.0", body.GetProperty("modelVersion").GetString());
        var results = body.GetProperty("results").EnumerateArray().ToArray();
        Assert.Equal(texts.Length, results.Length);
        for (int i = 0; i < texts.Length; i++)
        {
            var expected = FakeSentimentModel.Predict(texts[i]);
            Assert.Equal(expected.Confidence, results[i].GetProperty("confidence").GetSingle());
            Assert.Equal(texts[i].Length, results[i].GetProperty("tokens").GetProperty("total").GetInt32());
            Assert.Equal("0.1.0", results[i].GetProperty("modelVersion").GetString());
        }
    }

    [Fact]
    public async Task PostBatch_WithMaxTextsPerRequestTexts_Succeeds()
    {
        var texts = Enumerable.Range(0, 64).Select(i => $"text {i}").ToArray();

        var response = await _client.PostAsync("/sentiment/batch", Json(JsonSerializer.Serialize(new { texts })));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(64, (await response.ReadJsonAsync()).GetProperty("results").GetArrayLength());
    }

    [Fact]
    public async Task PostBatch_OverMaxTextsPerRequest_ReturnsValidationProblemNamingTheLimit()
    {
        var texts = Enumerable.Range(0, 65).Select(i => $"text {i}").ToArray();

        var response = await _client.PostAsync("/sentiment/batch", Json(JsonSerializer.Serialize(new { texts })));

        await response.AssertInvalidAsync("texts", "65 items", "64", "MaxTextsPerRequest");
    }

    [Theory]
    [InlineData("""{"texts": []}""", "texts", "empty", "64", "MaxTextsPerRequest")]
    [InlineData("""{}""", "texts", "required")]
    [InlineData("""{"texts": null}""", "texts", "must be an array", "null")]
    [InlineData("""{"texts": "one text"}""", "texts", "must be an array", "string")]
    [InlineData("""{"texts": {"0": "a"}}""", "texts", "must be an array", "object")]
    [InlineData("""{"texts": ["fine", 7]}""", "texts[1]", "must be a string or an object", "number")]
    [InlineData("""{"texts": ["fine", null]}""", "texts[1]", "null")]
    [InlineData("""{"texts": [["nested"]]}""", "texts[0]", "must be a string or an object", "array")]
    [InlineData("""{"texts": [{"id": "a"}]}""", "texts[0].text", "required")]
    [InlineData("""{"texts": [{"text": 5}]}""", "texts[0].text", "must be a string", "number")]
    [InlineData("""{"texts": [{"text": "fine", "id": 5}]}""", "texts[0].id", "must be a string", "number")]
    [InlineData("""{"texts": [{"text": "fine", "language": ["en"]}]}""", "texts[0].language", "must be a string", "array")]
    [InlineData("""null""", "body", "JSON object", "null")]
    [InlineData("""{"texts": ["a", "b"]""", "body", "not valid JSON")]
    public async Task PostBatch_WithInvalidBody_ReturnsValidationProblemNamingTheField(string json, string field, params string[] fragments)
    {
        var response = await _client.PostAsync("/sentiment/batch", Json(json));

        await response.AssertInvalidAsync(field, fragments);
    }

    [Fact]
    public async Task PostBatch_WithSeveralMalformedItems_ListsEachOne_ButNotTheUnscorableOnes()
    {
        var response = await _client.PostAsync("/sentiment/batch", Json("""{"texts": ["", "fine", 3, null]}"""));

        var errors = (await response.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.Equal(["texts[2]", "texts[3]"], errors.EnumerateObject().Select(p => p.Name).Order());
    }
}

public sealed class AvailabilityTests
{
    [Theory]
    [InlineData("/sentiment", """{"text": "fine"}""", false, "queue is full")]
    [InlineData("/sentiment/batch", """{"texts": ["fine"]}""", false, "queue is full")]
    [InlineData("/sentiment", """{"text": "fine"}""", true, "still loading")]
    [InlineData("/sentiment/batch", """{"texts": ["fine"]}""", true, "still loading")]
    public async Task Post_WhenQueueIsFullOrModelLoads_Returns503WithRetryAfter(string path, string json, bool loading, string reason)
    {
        using var factory = new FakeModelFactory();
        factory.Model.Ready = !loading;
        factory.Model.QueueFull = !loading;

        var response = await factory.CreateClient().PostAsync(path, Json(json));

        var problem = await response.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Contains(reason, problem.GetProperty("detail").GetString());
        Assert.Equal(TimeSpan.FromSeconds(1), response.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task ReadinessAndModel_WhileModelLoads_Return503AndLivenessStays200()
    {
        using var factory = new FakeModelFactory();
        factory.Model.Ready = false;
        var client = factory.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        await (await client.GetAsync("/health/ready")).AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
        var model = await client.GetAsync("/model");
        await model.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Equal("loading", model.Headers.GetValues("X-Model-Version").Single());

        factory.Model.Ready = true;
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
    }
}
