using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Sentiment.Api.Tests.Infrastructure;
using static Sentiment.Api.Tests.Infrastructure.HttpAssertions;

namespace Sentiment.Api.Tests.Unit;

public sealed class OperationalEndpointTests(FakeModelFactory factory) : IClassFixture<FakeModelFactory>
{
    private readonly HttpClient _client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [Fact]
    public async Task SwaggerUi_IsServed()
    {
        var response = await factory.CreateClient().GetAsync("/swagger");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("swagger-ui", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_WhenModelIsReady_Returns200(string path)
    {
        var response = await _client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Model_ReturnsThePublicManifest()
    {
        var response = await _client.GetAsync("/model");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var model = await response.ReadJsonAsync();
        var manifest = TestPaths.TinyManifest;
        Assert.Equal(manifest.Name, model.GetProperty("name").GetString());
        Assert.Equal(manifest.Version, model.GetProperty("version").GetString());
        Assert.Equal(manifest.CreatedUtc, model.GetProperty("createdUtc").GetDateTimeOffset());
        Assert.Equal(manifest.Labels, model.GetProperty("labels").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal(manifest.Tokenizer.MaxLength, model.GetProperty("maxLength").GetInt32());
        Assert.Equal(manifest.Tokenizer.NumWords, model.GetProperty("tokenizer").GetProperty("numWords").GetInt32());
        Assert.Equal(manifest.Architecture.LstmUnits, model.GetProperty("architecture").GetProperty("lstmUnits").GetInt32());
        Assert.False(model.TryGetProperty("onnx", out _)); // file names and hashes stay private
        Assert.False(model.TryGetProperty("training", out _));
    }

    [Fact]
    public async Task Model_IsExactlyTheDocumentedContract_WithAbsentRatherThanNullFields()
    {
        var response = await _client.GetAsync("/model");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // The tiny bundle has no oovToken, normalization, data, metrics or calibration: they are left out, not sent as null.
        Assert.Equal("""
            {"name":"tiny-sentiment","version":"0.1.0","language":"en","createdUtc":"2025-01-01T00:00:00+00:00","labels":["negative","positive"],"maxLength":20,"tokenizer":{"numWords":51,"maxLength":20,"lowerCase":true,"filters":"!\"#$%&()*+,-./:;<=>?@[\\]^_`{|}~\t\n","split":" ","truncating":"pre"},"architecture":{"embeddingRows":51,"embeddingDim":8,"lstmUnits":8,"classes":2,"bidirectional":false,"pooling":"last"},"coverage":{"warnBelow":0.5}}
            """, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("POST", "/sentiment", "loading")]
    [InlineData("POST", "/sentiment", "queue full")]
    [InlineData("POST", "/sentiment/batch", "loading")]
    [InlineData("POST", "/sentiment/batch", "queue full")]
    [InlineData("GET", "/model", "loading")]
    [InlineData("GET", "/health/ready", "loading")]
    public async Task SwaggerUnavailableExamples_AreTheRealAnswers(string method, string path, string example)
    {
        var documented = Examples((await SwaggerDocumentAsync()).GetProperty("paths").GetProperty(path)
            .GetProperty(method.ToLowerInvariant()).GetProperty("responses").GetProperty("503"), example).Single();
        await using var unavailable = new FakeModelFactory();
        unavailable.Model.Ready = example != "loading";
        unavailable.Model.QueueFull = example == "queue full";
        var request = new HttpRequestMessage(new HttpMethod(method), path)
        {
            Content = method == "POST" ? Json(path.EndsWith("batch") ? """{"texts": ["fine"]}""" : """{"text": "fine"}""") : null,
        };

        var response = await unavailable.CreateClient().SendAsync(request);

        await response.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
        ExampleAssert.Same(documented, await response.ReadJsonAsync(), $"{method} {path} 503 '{example}'");
    }

    [Theory]
    [InlineData("GET", "/health/live")]
    [InlineData("GET", "/metrics")]
    [InlineData("GET", "/model")]
    [InlineData("GET", "/swagger/v1/swagger.json")]
    [InlineData("GET", "/no/such/route")]
    [InlineData("POST", "/sentiment")]
    [InlineData("DELETE", "/sentiment")]
    public async Task EveryResponse_CarriesModelVersionHeader(string method, string path)
    {
        var response = await _client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = Json("{}") });

        Assert.Equal("0.1.0", response.Headers.GetValues("X-Model-Version").Single());
    }

    [Fact]
    public async Task UnknownRoute_ReturnsProblem()
    {
        var response = await _client.GetAsync("/no/such/route");

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Metrics_IsPrometheusTextWithRequestsByRouteAndStatus()
    {
        await _client.PostAsync("/sentiment", Json("""{"text": "fine"}"""));
        await _client.PostAsync("/sentiment", Json("""{"text": ""}"""));

        var response = await _client.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        string text = await response.Content.ReadAsStringAsync();
        Assert.Contains("http_request_duration_seconds_bucket{", text);
        Assert.Matches("""http_requests_received_total\{code="200",method="POST",[^}]*endpoint="/sentiment"\}""", text);
        Assert.Matches("""http_requests_received_total\{code="400",method="POST",[^}]*endpoint="/sentiment"\}""", text);
    }

    [Fact]
    public async Task Metrics_OddMethodsAndUnknownPaths_DoNotAddSeries()
    {
        async Task<string[]> SendOddRequestsThenScrapeAsync(int from, int count)
        {
            for (int i = from; i < from + count; i++)
            {
                await _client.SendAsync(new HttpRequestMessage(new HttpMethod($"XM{i}"), "/sentiment"));
                await _client.SendAsync(new HttpRequestMessage(new HttpMethod($"YM{i}"), $"/no/such/path/{i}"));
                await _client.GetAsync($"/no/such/path/{i}");
            }
            string text = await _client.GetStringAsync("/metrics");
            return [.. text.Split('\n').Where(line => line.StartsWith("http_", StringComparison.Ordinal))];
        }

        var first = await SendOddRequestsThenScrapeAsync(0, 3);
        var later = await SendOddRequestsThenScrapeAsync(3, 30);

        Assert.Equal(first.Length, later.Length);
        Assert.DoesNotContain(later, line => line.Contains("M3") || line.Contains("/no/such"));
        Assert.Contains(later, line => line.Contains("method=\"other\""));
    }

    [Fact]
    public async Task SwaggerDocument_DescribesEveryEndpointWithExamplesAndEveryError()
    {
        var document = await SwaggerDocumentAsync();

        Assert.False(string.IsNullOrWhiteSpace(document.GetProperty("info").GetProperty("description").GetString()));
        var paths = document.GetProperty("paths");
        Assert.Equal(["/admin/reload", "/health/live", "/health/ready", "/metrics", "/model", "/models", "/sentiment", "/sentiment/batch"],
            paths.EnumerateObject().Select(p => p.Name).Order());
        foreach (var (path, codes) in new[]
        {
            ("/sentiment", new[] { "200", "400", "401", "413", "415", "429", "503" }),
            ("/sentiment/batch", ["200", "400", "401", "413", "415", "429", "503"]),
            ("/model", ["200", "401", "503"]),
            ("/models", ["200", "401", "503"]),
            ("/health/ready", ["200", "503"]),
            ("/admin/reload", ["200", "401", "403", "404", "422", "503"]),
        })
        {
            var operation = paths.GetProperty(path).EnumerateObject().Single().Value;
            var responses = operation.GetProperty("responses");
            Assert.Equal(codes, responses.EnumerateObject().Select(r => r.Name).Order());
            foreach (var response in responses.EnumerateObject())
                Assert.True(Examples(response.Value).Any(), $"{path} {response.Name} has no example");
        }
    }

    [Theory]
    [InlineData("/sentiment")]
    [InlineData("/sentiment/batch")]
    public async Task SwaggerRequestExamples_WorkAsSent(string path)
    {
        var document = await SwaggerDocumentAsync();
        var operation = document.GetProperty("paths").GetProperty(path).GetProperty("post");
        var examples = Examples(operation.GetProperty("requestBody")).ToArray();

        Assert.NotEmpty(examples);
        foreach (var example in examples)
        {
            var response = await _client.PostAsync(path, Json(example.GetRawText()));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    private async Task<JsonElement> SwaggerDocumentAsync() =>
        await (await _client.GetAsync("/swagger/v1/swagger.json")).ReadJsonAsync();

    private static IEnumerable<JsonElement> Examples(JsonElement withContent, string? name = null) =>
        withContent.GetProperty("content").EnumerateObject()
            .SelectMany(media => media.Value.TryGetProperty("examples", out var examples)
                ? examples.EnumerateObject().Where(e => name is null || e.Name == name).Select(e => e.Value.GetProperty("value"))
                : []);
}
