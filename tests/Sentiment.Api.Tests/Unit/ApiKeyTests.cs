using System.Net;
using System.Net.Http.Headers;
using Sentiment.Api.Tests.Infrastructure;
using static Sentiment.Api.Tests.Infrastructure.HttpAssertions;

namespace Sentiment.Api.Tests.Unit;

public sealed class ApiKeyTests : IDisposable
{
    private readonly FakeModelFactory _factory = new() { Settings = TestKeys.Settings() };
    private readonly FakeModelFactory _protectedMetrics = new() { Settings = TestKeys.Settings(("Auth:ProtectMetrics", "true")) };

    public void Dispose()
    {
        _factory.Dispose();
        _protectedMetrics.Dispose();
    }

    [Fact]
    public async Task Post_WithBearerKey_IsScored()
    {
        var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestKeys.Ci);

        var response = await client.PostAsync("/sentiment", Json(Reviews.Body("good film")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Post_WithXApiKeyHeader_IsScored()
    {
        var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-API-Key", TestKeys.Ops);

        var response = await client.PostAsync("/sentiment/batch", Json(Reviews.BatchBody(["good", "bad"])));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Post_WithoutKey_Returns401ProblemWithBearerChallenge()
    {
        var response = await _factory.CreateClient().PostAsync("/sentiment", Json(Reviews.Body("good film")));

        var problem = await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal("Bearer", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
        Assert.Equal("https://www.rfc-editor.org/rfc/rfc6750#section-3.1", problem.GetProperty("type").GetString());
        Assert.Contains("X-API-Key", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("Bearer", "ci-key-4f1e9b")] // one character off, same length
    [InlineData("Bearer", "")]
    [InlineData("Basic", TestKeys.Ci)] // the right key in the wrong scheme
    public async Task Post_WithWrongKey_Returns401(string scheme, string key)
    {
        var client = _factory.CreateClient();
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", $"{scheme} {key}");

        var response = await client.GetAsync("/model");

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal("Bearer", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
    }

    [Fact]
    public async Task WrongXApiKey_IsNamedAsNotConfigured()
    {
        var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-API-Key", TestKeys.Ci + "x");

        var response = await client.GetAsync("/model");

        var problem = await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Contains("not one of the configured keys", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_IsOpenWithoutKey(string path)
    {
        var response = await _protectedMetrics.CreateClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Metrics_IsOpenWithoutKey_ByDefault()
    {
        var response = await _factory.CreateClient().GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Metrics_WithProtectMetrics_NeedsAKey()
    {
        var withKey = _protectedMetrics.CreateClient();
        withKey.DefaultRequestHeaders.Add("X-API-Key", TestKeys.Ci);

        var without = await _protectedMetrics.CreateClient().GetAsync("/metrics");
        var with = await withKey.GetAsync("/metrics");

        await without.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.OK, with.StatusCode);
    }

    [Fact]
    public async Task WithoutConfiguredKeys_EverythingIsOpen_AndAKeyIsIgnored()
    {
        using var open = new FakeModelFactory();
        var client = open.CreateClient();
        client.DefaultRequestHeaders.Add("X-API-Key", "anything");

        var response = await client.PostAsync("/sentiment", Json(Reviews.Body("good film")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task SwaggerDocument_OffersBothKeySchemes_AndUiLoadsWithoutAKey()
    {
        var client = _factory.CreateClient();

        var document = await (await client.GetAsync("/swagger/v1/swagger.json")).ReadJsonAsync();
        var ui = await client.GetAsync("/swagger/index.html");

        var schemes = document.GetProperty("components").GetProperty("securitySchemes");
        Assert.Equal("bearer", schemes.GetProperty("Bearer").GetProperty("scheme").GetString());
        Assert.Equal("X-API-Key", schemes.GetProperty("ApiKey").GetProperty("name").GetString());
        Assert.Equal(2, document.GetProperty("security").GetArrayLength()); // either one, not both
        Assert.Equal(HttpStatusCode.OK, ui.StatusCode);
    }

    [Fact]
    public async Task Swagger401Example_IsTheRealAnswer()
    {
        var client = _factory.CreateClient();
        var document = await (await client.GetAsync("/swagger/v1/swagger.json")).ReadJsonAsync();
        var documented = document.GetProperty("paths").GetProperty("/sentiment").GetProperty("post").GetProperty("responses")
            .GetProperty("401").GetProperty("content").GetProperty("application/problem+json").GetProperty("examples")
            .GetProperty("no key").GetProperty("value");

        var response = await client.PostAsync("/sentiment", Json(Reviews.Body("good film")));

        ExampleAssert.Same(documented, await response.AssertProblemAsync(HttpStatusCode.Unauthorized), "POST /sentiment 401");
    }
}
