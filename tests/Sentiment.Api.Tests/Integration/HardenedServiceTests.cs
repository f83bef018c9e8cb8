using System.Net;
using Sentiment.Api.Tests.Infrastructure;
using Sentiment.TestKit;
using static Sentiment.Api.Tests.Infrastructure.HttpAssertions;

namespace Sentiment.Api.Tests.Integration;

/// <summary>What only Kestrel shows: its Server header, and the console log of a service with API keys.</summary>
public sealed class HardenedServiceTests
{
    [Fact]
    public async Task RealServer_SendsNoSniffAndNoServerHeader_AndLogsTheKeyNameNeverTheKey()
    {
        var environment = TestKeys.Settings().ToDictionary(s => s.Key.Replace(":", "__"), s => s.Value);
        environment["Model__Path"] = TestPaths.TinyBundle;
        await using var service = ApiProcess.Start(TestPaths.Api, environment);
        using var client = new HttpClient { BaseAddress = await service.WaitUntilReadyAsync() };
        client.DefaultRequestHeaders.Add("X-API-Key", TestKeys.Ci);

        var scored = await client.PostAsync("/sentiment", Json(Reviews.Body("good film")));
        using var anonymous = new HttpClient { BaseAddress = client.BaseAddress };
        var missing = await anonymous.GetAsync("/model");

        Assert.Equal(HttpStatusCode.OK, scored.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        foreach (var response in new[] { scored, missing })
        {
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.False(response.Headers.Contains("Server"), "Kestrel's Server header was sent");
        }
        await Eventually.TrueAsync(() => service.Lines.Any(l => l.Contains("HTTP POST /sentiment responded 200") && l.Contains("by ci")), () => service.Output);
        await Eventually.TrueAsync(() => service.Lines.Any(l => l.Contains("HTTP GET /model responded 401") && l.Contains("by anonymous")), () => service.Output);
        Assert.DoesNotContain(service.Lines, l => l.Contains(TestKeys.Ci) || l.Contains(TestKeys.Sha256(TestKeys.Ci)));
    }
}
