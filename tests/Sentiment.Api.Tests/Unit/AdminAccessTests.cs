using System.Net;
using Sentiment.Api.Tests.Infrastructure;

namespace Sentiment.Api.Tests.Unit;

/// <summary>Who may call POST /admin/reload; the fake model is never ready, so an allowed call gets 503.</summary>
public sealed class AdminAccessTests
{
    private static async Task<HttpResponseMessage> ReloadAsync(Dictionary<string, string> settings, string? key = null)
    {
        await using var factory = new FakeModelFactory { Settings = settings };
        using var client = factory.CreateClient();
        if (key is not null)
            client.DefaultRequestHeaders.Add("X-API-Key", key);
        return await client.PostAsync("/admin/reload", null);
    }

    [Fact]
    public async Task WithoutKeys_ReloadIsOff()
    {
        var response = await ReloadAsync([]);

        var problem = await response.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("Admin:AllowUnauthenticated", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task WithoutKeys_AllowUnauthenticated_LetsItThrough()
    {
        var response = await ReloadAsync(new() { ["Admin:AllowUnauthenticated"] = "true" });

        await response.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
    }

    [Fact]
    public async Task WithKeys_NoKey_Is401_EvenWhenUnauthenticatedUseIsAllowed()
    {
        var response = await ReloadAsync(TestKeys.Settings(("Admin:AllowUnauthenticated", "true")));

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task WithKeys_AKeyNotMarkedAdmin_Is403()
    {
        var response = await ReloadAsync(TestKeys.Settings(), TestKeys.Ci);

        var problem = await response.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("marked Admin", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task WithKeys_AnAdminKey_IsLetThrough()
    {
        var response = await ReloadAsync(TestKeys.Settings(), TestKeys.Ops);

        await response.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
    }
}
