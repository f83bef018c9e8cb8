using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Sentiment.Api.Tests.Infrastructure;

internal static class HttpAssertions
{
    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public static ByteArrayContent JsonBytes(byte[] json)
    {
        var content = new ByteArrayContent(json);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    /// <summary>Checks an RFC 9457 problem: status, media type, trace id, model version header.</summary>
    public static async Task<JsonElement> AssertProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.Contains("X-Model-Version"));
        var problem = await response.ReadJsonAsync();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()));
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("traceId").GetString()));
        return problem;
    }

    /// <summary>Checks a 400 validation problem whose error for <paramref name="field"/> contains every fragment.</summary>
    public static async Task AssertInvalidAsync(this HttpResponseMessage response, string field, params string[] fragments)
    {
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out var messages), $"no error for '{field}' in {errors}");
        string message = string.Join(" ", messages.EnumerateArray().Select(m => m.GetString()));
        Assert.Contains($"'{field}'", message.Replace("The request body", "'body'"));
        foreach (var fragment in fragments)
            Assert.Contains(fragment, message);
    }
}
