using System.Net;
using System.Text.Json;
using Sentiment.Api.Operations;
using Sentiment.Api.Tests.Infrastructure;
using Sentiment.TestKit;
using static Sentiment.Api.Tests.Infrastructure.HttpAssertions;

namespace Sentiment.Api.Tests.Integration;

/// <summary>Explanations and sentences come from the model, and the version, that answers each text.</summary>
public sealed class ExplainEveryModelTests : IDisposable
{
    private readonly TwoLanguageModels _models = new();

    public void Dispose() => _models.Dispose();

    private BundleApiFactory Service() => new(_models.Root, ("Admin:AllowUnauthenticated", "true"));

    private static async Task<JsonElement> PostAsync(HttpClient client, string path, string body)
    {
        var response = await client.PostAsync(path, Json(body));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadJsonAsync();
    }

    private static string[] Words(JsonElement result) =>
        [.. result.GetProperty("words").EnumerateArray().Select(w => w.GetProperty("text").GetString()!)];

    [Fact]
    public async Task Explain_OfOneText_IsAnsweredByTheChosenModel()
    {
        await using var factory = Service();
        var client = await factory.CreateReadyClientAsync();

        var response = await client.PostAsync("/sentiment", Json("""{"text": "a good film", "language": "zh", "explain": true}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(TwoLanguageModels.ChineseName, response.Headers.GetValues(ModelVersionHeader.ModelName).Single());
        var body = await response.ReadJsonAsync();
        Assert.Equal(TwoLanguageModels.ChineseVersion, body.GetProperty("modelVersion").GetString());
        Assert.Equal(["a", "good", "film"], Words(body));
    }

    [Fact]
    public async Task ABatch_CarriesWordsAndSentencesPerItem_FromEachItemsModel_AndNoneForAnError()
    {
        await using var factory = Service();
        var client = await factory.CreateReadyClientAsync();

        var body = await PostAsync(client, "/sentiment/batch", """
            {"texts": ["A good film. A bad plot.", {"id": "z", "text": "a good film", "model": "tiny-zh"}, {"id": "e", "text": " "}],
             "explain": true, "sentences": true}
            """);

        var results = body.GetProperty("results").EnumerateArray().ToArray();
        Assert.Equal(TestPaths.TinyManifest.Name, results[0].GetProperty("model").GetString());
        Assert.Equal(["a", "good", "film", "a", "bad", "plot"], Words(results[0]));
        Assert.Equal(["A good film.", "A bad plot."],
            results[0].GetProperty("sentences").EnumerateArray().Select(s => s.GetProperty("text").GetString()));
        Assert.Equal(TwoLanguageModels.ChineseName, results[1].GetProperty("model").GetString());
        Assert.Equal("z", results[1].GetProperty("id").GetString());
        Assert.Equal(["a", "good", "film"], Words(results[1]));
        Assert.Single(results[1].GetProperty("sentences").EnumerateArray());
        Assert.Equal("empty_text", results[2].GetProperty("error").GetProperty("code").GetString());
        Assert.False(results[2].TryGetProperty("words", out _));
        Assert.False(results[2].TryGetProperty("sentences", out _));
    }

    [Fact]
    public async Task AfterAReload_TheNewVersionExplains()
    {
        await using var factory = Service();
        var client = await factory.CreateReadyClientAsync();
        _models.RootBundle.EditManifest(m => m["version"] = "2.0.0");
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/admin/reload", null)).StatusCode);

        var explained = await PostAsync(client, "/sentiment", """{"text": "A good film. A bad plot.", "explain": true, "sentences": true}""");

        Assert.Equal("2.0.0", explained.GetProperty("modelVersion").GetString());
        Assert.Equal(6, Words(explained).Length);
    }
}
