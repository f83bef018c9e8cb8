using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Sentiment.Api.Tests.Infrastructure;
using static Sentiment.Api.Tests.Infrastructure.HttpAssertions;

namespace Sentiment.Api.Tests.Integration;

/// <summary>MaxRequestBytes is the one body limit, also above Kestrel's own default (30 MB).</summary>
public sealed class RequestSizeTests
{
    private const int Limit = 40_000_000;

    [Fact]
    public async Task BodyOverKestrelsDefaultButUnderMaxRequestBytes_IsAccepted()
    {
        await using var fake = new FakeModelFactory();
        await using var factory = fake.WithWebHostBuilder(builder =>
            builder.UseSetting("Api:MaxRequestBytes", Limit.ToString(CultureInfo.InvariantCulture)));
        factory.UseKestrel(0);
        factory.StartServer();
        using var client = factory.CreateClient();
        const string prefix = "{\"text\": \"fine\", \"pad\": \"";

        var under = await client.PostAsync("/sentiment", Json(prefix + new string('x', 35_000_000) + "\"}"));

        Assert.Equal(HttpStatusCode.OK, under.StatusCode); // bodies over the limit: RunningServiceTests
    }
}
