using System.IO.Compression;
using System.Net;
using System.Text.Json;
using Sentiment.Api.Tests.Infrastructure;
using static Sentiment.Api.Tests.Infrastructure.HttpAssertions;

namespace Sentiment.Api.Tests.Unit;

public sealed class ResponseCompressionTests
{
    private static readonly string LargeBatch = Reviews.BatchBody(Enumerable.Range(0, 64).Select(i => $"review number {i}"));

    private static FakeModelFactory Factory(bool enabled, int minimumBytes = 2048) => new()
    {
        Settings = new Dictionary<string, string>
        {
            ["Compression:Enabled"] = enabled ? "true" : "false",
            ["Compression:MinimumBytes"] = minimumBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        },
    };

    [Theory]
    [InlineData("gzip", "gzip")]
    [InlineData("br", "br")]
    [InlineData("gzip, deflate, br", "br")]
    public async Task LargeBatchAnswer_IsCompressed_WhenTheClientAcceptsIt(string accepted, string coding)
    {
        await using var factory = Factory(enabled: true);

        var response = await PostAsync(factory.CreateClient(), "/sentiment/batch", LargeBatch, accepted);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([coding], response.Content.Headers.ContentEncoding);
        byte[] compressed = await response.Content.ReadAsByteArrayAsync();
        using var json = JsonDocument.Parse(Decompress(compressed, coding));
        Assert.Equal(64, json.RootElement.GetProperty("results").GetArrayLength());
        Assert.True(compressed.Length < 2048, $"{compressed.Length} compressed bytes");
    }

    [Fact]
    public async Task ExplainedAnswer_IsCompressed_LikeAnyLargeAnswer()
    {
        await using var factory = Factory(enabled: true);
        string body = JsonSerializer.Serialize(new { texts = Enumerable.Range(0, 16).Select(i => $"a good film, number {i}. It was bad."), explain = true, sentences = true });

        var response = await PostAsync(factory.CreateClient(), "/sentiment/batch", body, "gzip");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["gzip"], response.Content.Headers.ContentEncoding);
        using var json = JsonDocument.Parse(Decompress(await response.Content.ReadAsByteArrayAsync(), "gzip"));
        var first = json.RootElement.GetProperty("results")[0];
        Assert.True(first.GetProperty("words").GetArrayLength() > 0);
        Assert.Equal(2, first.GetProperty("sentences").GetArrayLength());
    }

    [Fact]
    public async Task BatchAnswerWithItemErrors_IsCompressed_ErrorsIncluded()
    {
        await using var factory = Factory(enabled: true);
        string body = JsonSerializer.Serialize(new { texts = Enumerable.Range(0, 64).Select(i => i == 3 ? " " : $"review number {i}") });

        var response = await PostAsync(factory.CreateClient(), "/sentiment/batch", body, "br");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["br"], response.Content.Headers.ContentEncoding);
        using var json = JsonDocument.Parse(Decompress(await response.Content.ReadAsByteArrayAsync(), "br"));
        Assert.Equal(64, json.RootElement.GetProperty("results").GetArrayLength());
        Assert.True(json.RootElement.GetProperty("results")[3].TryGetProperty("error", out _));
    }

    [Fact]
    public async Task SmallAnswer_IsNotCompressed_AndKeepsItsLength()
    {
        await using var factory = Factory(enabled: true);

        var response = await PostAsync(factory.CreateClient(), "/sentiment", Reviews.Body("short and sweet"), "gzip, br");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(response.Content.Headers.ContentEncoding);
        byte[] body = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(body.Length, response.Content.Headers.ContentLength);
        Assert.Equal(FakeSentimentModel.Predict("short and sweet").Label, JsonDocument.Parse(body).RootElement.GetProperty("label").GetString());
    }

    [Fact]
    public async Task SmallAnswer_IsCompressed_OnceTheMinimumIsBelowIt()
    {
        await using var factory = Factory(enabled: true, minimumBytes: 100);

        var response = await PostAsync(factory.CreateClient(), "/sentiment", Reviews.Body("short and sweet"), "gzip");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["gzip"], response.Content.Headers.ContentEncoding);
    }

    [Theory]
    [InlineData(true, null)] // the client did not ask
    [InlineData(false, "gzip, br")] // the default: off
    public async Task LargeBatchAnswer_IsNotCompressed_UnlessAskedAndEnabled(bool enabled, string? accepted)
    {
        await using var factory = Factory(enabled);

        var response = await PostAsync(factory.CreateClient(), "/sentiment/batch", LargeBatch, accepted);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(response.Content.Headers.ContentEncoding);
        Assert.Equal(64, (await response.ReadJsonAsync()).GetProperty("results").GetArrayLength());
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string body, string? accepted)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = Json(body) };
        if (accepted is not null)
            request.Headers.TryAddWithoutValidation("Accept-Encoding", accepted);
        return client.SendAsync(request);
    }

    private static byte[] Decompress(byte[] body, string coding)
    {
        using var input = new MemoryStream(body);
        using Stream decoder = coding == "br" ? new BrotliStream(input, CompressionMode.Decompress) : new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        decoder.CopyTo(output);
        return output.ToArray();
    }
}
