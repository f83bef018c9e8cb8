using System.Net;
using System.Text;

namespace Sentiment.Api.Tests.Infrastructure;

/// <summary>One request of each kind of mistake, with the status it must get.</summary>
public static class BadRequests
{
    public static TheoryData<string, string, string, HttpStatusCode> All => new()
    {
        { "/sentiment", "application/json", """{}""", HttpStatusCode.BadRequest },
        { "/sentiment", "application/json", """{"text": null}""", HttpStatusCode.BadRequest },
        { "/sentiment", "application/json", """{"text": "  "}""", HttpStatusCode.BadRequest },
        { "/sentiment", "application/json", """{"text": 1}""", HttpStatusCode.BadRequest },
        { "/sentiment", "application/json", "null", HttpStatusCode.BadRequest },
        { "/sentiment", "application/json", """{"text": """, HttpStatusCode.BadRequest },
        { "/sentiment", "application/json", $$"""{"text": "{{new string('a', 5121)}}"}""", HttpStatusCode.BadRequest },
        { "/sentiment", "application/json", $$"""{"text": "{{new string('a', 1_100_000)}}"}""", HttpStatusCode.RequestEntityTooLarge },
        { "/sentiment", "text/plain", "good", HttpStatusCode.UnsupportedMediaType },
        { "/sentiment/batch", "application/json", """{"texts": []}""", HttpStatusCode.BadRequest },
        { "/sentiment/batch", "application/json", Reviews.BatchBody(Enumerable.Repeat("good", 65)), HttpStatusCode.BadRequest },
        { "/sentiment/batch", "application/json", """{"texts": ["good", 2]}""", HttpStatusCode.BadRequest },
    };

    public static async Task AssertRefusedAsync(HttpClient client, string path, string mediaType, string body, HttpStatusCode status)
    {
        var response = await client.PostAsync(path, new StringContent(body, Encoding.UTF8, mediaType));

        await response.AssertProblemAsync(status);
    }
}
