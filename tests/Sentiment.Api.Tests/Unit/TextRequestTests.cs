using System.Net;
using System.Text;
using Sentiment.Api.Tests.Infrastructure;
using static Sentiment.Api.Tests.Infrastructure.HttpAssertions;

namespace Sentiment.Api.Tests.Unit;

public sealed class TextRequestTests(FakeModelFactory factory) : IClassFixture<FakeModelFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Post_WithText_ReturnsPredictionShape()
    {
        var response = await _client.PostAsync("/sentiment", Json("""{"text": "a fine film"}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("0.1.0", response.Headers.GetValues("X-Model-Version").Single());
        var body = await response.ReadJsonAsync();
        var expected = FakeSentimentModel.Predict("a fine film");
        Assert.Equal(expected.Label, body.GetProperty("label").GetString());
        Assert.Equal(expected.Confidence, body.GetProperty("confidence").GetSingle());
        Assert.Equal(expected.Probabilities[1] - expected.Probabilities[0], body.GetProperty("score").GetSingle());
        Assert.Equal(expected.Probabilities[0], body.GetProperty("probabilities").GetProperty("negative").GetSingle());
        Assert.Equal(expected.Probabilities[1], body.GetProperty("probabilities").GetProperty("positive").GetSingle());
        Assert.Equal(11, body.GetProperty("tokens").GetProperty("total").GetInt32());
        Assert.Equal(5, body.GetProperty("tokens").GetProperty("known").GetInt32());
        Assert.False(body.GetProperty("tokens").GetProperty("truncated").GetBoolean());
        Assert.Equal("0.1.0", body.GetProperty("modelVersion").GetString());
    }

    [Fact]
    public async Task Post_WithUnknownFields_IgnoresThem()
    {
        var response = await _client.PostAsync("/sentiment",
            Json("""{"language": "en", "text": "fine", "options": {"deep": [1, {"x": null}]}}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("""{}""", "text", "required")]
    [InlineData("""{"Text": "wrong case"}""", "text", "required")]
    [InlineData("""{"text": null}""", "text", "null")]
    [InlineData("""{"text": ""}""", "text", "empty")]
    [InlineData("""{"text": "   \t\n  "}""", "text", "whitespace")]
    [InlineData("""{"text": 42}""", "text", "must be a string", "number")]
    [InlineData("""{"text": true}""", "text", "must be a string", "boolean")]
    [InlineData("""{"text": ["a"]}""", "text", "must be a string", "array")]
    [InlineData("""{"text": {"value": "a"}}""", "text", "must be a string", "object")]
    [InlineData("""null""", "body", "JSON object", "null")]
    [InlineData("""["a fine film"]""", "body", "JSON object", "array")]
    [InlineData("""  "a fine film" """, "body", "JSON object", "string")]
    [InlineData("", "body", "empty")]
    [InlineData("""{"text": "unfinished""", "body", "not valid JSON")]
    [InlineData("""{"text": "a"} {"text": "b"}""", "body", "not valid JSON")]
    [InlineData("""{"text": 'single quotes'}""", "body", "not valid JSON")]
    [InlineData("{\"text\": \"raw control \u0001 char\"}", "body", "not valid JSON")]
    public async Task Post_WithInvalidBody_ReturnsValidationProblemNamingTheField(string json, string field, params string[] fragments)
    {
        var response = await _client.PostAsync("/sentiment", Json(json));

        await response.AssertInvalidAsync(field, fragments);
    }

    [Fact]
    public async Task Post_WithTextOverMaxTextLength_ReturnsValidationProblemNamingTheLimit()
    {
        var response = await _client.PostAsync("/sentiment", Json($$"""{"text": "{{new string('a', 5121)}}"}"""));

        await response.AssertInvalidAsync("text", "5121 characters", "5120", "MaxTextLength");
    }

    [Fact]
    public async Task Post_WithTextAtMaxTextLength_Succeeds()
    {
        var response = await _client.PostAsync("/sentiment", Json($$"""{"text": "{{new string('a', 5120)}}"}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/xml")]
    [InlineData("application/x-www-form-urlencoded")]
    public async Task Post_WithWrongContentType_Returns415(string mediaType)
    {
        var response = await _client.PostAsync("/sentiment", new StringContent("""{"text": "fine"}""", Encoding.UTF8, mediaType));

        var problem = await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
        Assert.Equal("Unsupported media type.", problem.GetProperty("title").GetString());
        Assert.Equal($"Content-Type must be application/json, not '{mediaType}; charset=utf-8'.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Post_WithoutContentType_Returns415()
    {
        var content = new ByteArrayContent("""{"text": "fine"}"""u8.ToArray());

        var response = await _client.PostAsync("/sentiment", content);

        var problem = await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
        Assert.Equal("Unsupported media type.", problem.GetProperty("title").GetString());
        Assert.Equal("Content-Type must be application/json, not '(none)'.", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [MemberData(nameof(BadRequests.All), MemberType = typeof(BadRequests))]
    public async Task BadRequest_GetsItsProblem(string path, string mediaType, string body, HttpStatusCode status) =>
        await BadRequests.AssertRefusedAsync(_client, path, mediaType, body, status);

    [Fact]
    public async Task Post_WhenTheScorerFails_Returns500ProblemWithoutExceptionText()
    {
        await using var failing = new FakeModelFactory { Production = true };
        failing.Model.Failure = new InvalidOperationException("scorer secret 5c1e at Sentiment.Inference");

        var response = await failing.CreateClient().PostAsync("/sentiment", Json("""{"text": "fine"}"""));

        var problem = await response.AssertProblemAsync(HttpStatusCode.InternalServerError);
        string body = problem.GetRawText();
        Assert.DoesNotContain("5c1e", body);
        Assert.DoesNotContain("InvalidOperationException", body);
        Assert.DoesNotContain("Sentiment.", body);
    }

    [Fact]
    public async Task Post_WithBodyOverMaxRequestBytes_Returns413()
    {
        var response = await _client.PostAsync("/sentiment", Json($$"""{"text": "fine", "pad": "{{new string('x', 1024 * 1024)}}"}"""));

        var problem = await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("MaxRequestBytes", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Post_WithChunkedBodyOverMaxRequestBytes_Returns413()
    {
        // No Content-Length: the limit must hold while the body streams in.
        var payload = Encoding.UTF8.GetBytes($$"""{"text": "{{new string('x', 1100 * 1024)}}"}""");
        var content = new StreamContent(new NonSeekableStream(payload));
        content.Headers.ContentType = new("application/json");

        var response = await _client.PostAsync("/sentiment", content);

        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
    }

    private sealed class NonSeekableStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }
}
