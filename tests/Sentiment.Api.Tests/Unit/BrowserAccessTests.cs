using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Sentiment.Api.Tests.Infrastructure;

namespace Sentiment.Api.Tests.Unit;

/// <summary>CORS preflights and the Swagger switch.</summary>
public sealed class BrowserAccessTests
{
    private const string Allowed = "https://app.example.com";

    [Fact]
    public async Task Preflight_FromAnAllowedOrigin_GetsTheCorsHeaders_EvenWithKeysOn()
    {
        using var factory = new FakeModelFactory { Settings = TestKeys.Settings(("Cors:AllowedOrigins:0", Allowed)) };

        var response = await factory.CreateClient().SendAsync(Preflight(Allowed));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(Allowed, response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("POST", response.Headers.GetValues("Access-Control-Allow-Methods").Single());
        string headers = response.Headers.GetValues("Access-Control-Allow-Headers").Single().ToLowerInvariant();
        Assert.Contains("x-api-key", headers);
        Assert.Contains("content-type", headers);
    }

    [Fact]
    public async Task Preflight_FromAnotherOrigin_GetsNoAllowOrigin()
    {
        using var factory = new FakeModelFactory { Settings = new Dictionary<string, string> { ["Cors:AllowedOrigins:0"] = Allowed } };

        var response = await factory.CreateClient().SendAsync(Preflight("https://evil.example.net"));

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Preflight_WithCorsOff_IsNotAllowed()
    {
        using var factory = new FakeModelFactory();

        var response = await factory.CreateClient().SendAsync(Preflight(Allowed));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task SimpleRequest_FromAnAllowedOrigin_ExposesTheModelVersion()
    {
        using var factory = new FakeModelFactory { Settings = new Dictionary<string, string> { ["Cors:AllowedOrigins:0"] = Allowed } };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/sentiment") { Content = HttpAssertions.Json(Reviews.Body("good film")) };
        request.Headers.Add("Origin", Allowed);

        var response = await factory.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Allowed, response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("X-Model-Version", response.Headers.GetValues("Access-Control-Expose-Headers").Single());
    }

    [Theory]
    [InlineData("/swagger")]
    [InlineData("/swagger/index.html")]
    [InlineData("/swagger/v1/swagger.json")]
    public async Task SwaggerOff_Returns404(string path)
    {
        using var factory = new FakeModelFactory { Settings = new Dictionary<string, string> { ["Api:Swagger"] = "false" } };
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("/swagger")]
    [InlineData("/no-such-path")]
    public async Task WithKeysOn_PathsWithoutAnEndpoint_Return404Not401(string path)
    {
        using var factory = new FakeModelFactory { Settings = TestKeys.Settings(("Api:Swagger", "false")) };

        var response = await factory.CreateClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task EveryResponse_SaysNoSniff_ErrorsIncluded()
    {
        using var factory = new FakeModelFactory();
        var client = factory.CreateClient();

        var ok = await client.GetAsync("/health/live");
        var invalid = await client.PostAsync("/sentiment", HttpAssertions.Json("{}"));
        var swagger = await client.GetAsync("/swagger/index.html");

        foreach (var response in new[] { ok, invalid, swagger })
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    private static HttpRequestMessage Preflight(string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, "/sentiment");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "content-type,x-api-key");
        return request;
    }
}
