using System.Net;
using Sentiment.Api.Operations;
using Sentiment.Api.Tests.Infrastructure;
using Sentiment.TestKit;
using static Sentiment.Api.Tests.Infrastructure.HttpAssertions;

namespace Sentiment.Api.Tests.Integration;

/// <summary>An English bundle at the models root and a Chinese one in a sub-folder, served together.</summary>
public sealed class MultiModelTests : IDisposable
{
    private const string Chinese = "这部电影太无聊了";

    private readonly TwoLanguageModels _models = new();
    private readonly string _english = TestPaths.TinyManifest.Name;

    public void Dispose() => _models.Dispose();

    private BundleApiFactory Service() => new(_models.Root, ("Admin:AllowUnauthenticated", "true"));

    private static async Task<(string Model, string Version)> AnsweredByAsync(HttpClient client, string body)
    {
        var response = await client.PostAsync("/sentiment", Json(body));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        string version = (await response.ReadJsonAsync()).GetProperty("modelVersion").GetString()!;
        Assert.Equal(version, response.Headers.GetValues(ModelVersionHeader.Name).Single());
        return (response.Headers.GetValues(ModelVersionHeader.ModelName).Single(), version);
    }

    [Fact]
    public async Task Models_ListsEveryBundle_DefaultFirst_AndModelStillDescribesTheDefault()
    {
        await using var factory = Service();
        var client = await factory.CreateReadyClientAsync();

        var list = await (await client.GetAsync("/models")).ReadJsonAsync();
        var model = await (await client.GetAsync("/model")).ReadJsonAsync();

        Assert.Equal(_english, list.GetProperty("default").GetString());
        var models = list.GetProperty("models").EnumerateArray().ToArray();
        Assert.Equal([_english, TwoLanguageModels.ChineseName], models.Select(m => m.GetProperty("name").GetString()));
        Assert.Equal(["en", "zh"], models.Select(m => m.GetProperty("language").GetString()));
        Assert.Equal(TwoLanguageModels.ChineseVersion, models[1].GetProperty("version").GetString());
        Assert.Equal(2, models[1].GetProperty("labels").GetArrayLength());
        Assert.Equal(_english, model.GetProperty("name").GetString());
        Assert.Equal("en", model.GetProperty("language").GetString());
    }

    [Fact]
    public async Task WithoutModelOrLanguage_HanTextGoesToChinese_AndOtherTextToTheDefault()
    {
        await using var factory = Service();
        var client = await factory.CreateReadyClientAsync();

        Assert.Equal((TwoLanguageModels.ChineseName, TwoLanguageModels.ChineseVersion), await AnsweredByAsync(client, Reviews.Body(Chinese)));
        Assert.Equal(TwoLanguageModels.ChineseName, (await AnsweredByAsync(client, Reviews.Body("iPhone 很好用"))).Model);
        Assert.Equal(_english, (await AnsweredByAsync(client, Reviews.Body("a good film"))).Model);
        Assert.Equal(_english, (await AnsweredByAsync(client, Reviews.Body("えいがはとてもおもしろい"))).Model);
    }

    [Theory]
    [InlineData("""{"text": "a good film", "language": "zh"}""", TwoLanguageModels.ChineseName)]
    [InlineData("""{"text": "a good film", "language": "ZH"}""", TwoLanguageModels.ChineseName)]
    [InlineData("""{"text": "这部电影", "language": "en"}""", null)]
    [InlineData("""{"text": "这部电影", "model": "tiny-zh"}""", TwoLanguageModels.ChineseName)]
    [InlineData("""{"text": "a good film", "model": "tiny-zh", "language": "zh"}""", TwoLanguageModels.ChineseName)]
    public async Task ANamedLanguageOrModel_PicksTheModel(string body, string? expected)
    {
        await using var factory = Service();
        var client = await factory.CreateReadyClientAsync();

        Assert.Equal(expected ?? _english, (await AnsweredByAsync(client, body)).Model);
    }

    [Theory]
    [InlineData("""{"text": "good", "language": "fr"}""", "language", "languages served: en, zh")]
    [InlineData("""{"text": "good", "model": "nope"}""", "model", "served: ")]
    [InlineData("""{"text": "good", "model": "tiny-zh", "language": "en"}""", "language", "model 'tiny-zh' reads 'zh'")]
    [InlineData("""{"text": "good", "language": 7}""", "language", "must be a string")]
    [InlineData("""{"text": "good", "language": ""}""", "language", "is empty")]
    public async Task AnUnservedLanguageOrUnknownModel_Is400_NamingWhatIsServed(string body, string field, string fragment)
    {
        await using var factory = Service();
        var client = await factory.CreateReadyClientAsync();

        var response = await client.PostAsync("/sentiment", Json(body));

        await response.AssertInvalidAsync(field, fragment);
    }

    [Fact]
    public async Task ABatchOfBothLanguages_IsAnsweredByBothModels_AndSaysSo()
    {
        await using var factory = Service();
        var client = await factory.CreateReadyClientAsync();

        var response = await client.PostAsync("/sentiment/batch", Json(Reviews.BatchBody(["a good film", Chinese, "bad"])));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        string versions = $"{TestPaths.TinyManifest.Version}, {TwoLanguageModels.ChineseVersion}";
        Assert.Equal(versions, response.Headers.GetValues(ModelVersionHeader.Name).Single());
        Assert.Equal($"{_english}, {TwoLanguageModels.ChineseName}", response.Headers.GetValues(ModelVersionHeader.ModelName).Single());
        Assert.Equal(3, (await response.ReadJsonAsync()).GetProperty("results").GetArrayLength());
        string metrics = await client.GetStringAsync("/metrics");
        Assert.Matches($$"""sentiment_predictions_total\{label="[a-z]+",model="{{TwoLanguageModels.ChineseName}}"\} 1""", metrics);
        Assert.Contains($"sentiment_model_info{{language=\"zh\",model=\"{TwoLanguageModels.ChineseName}\",version=\"{TwoLanguageModels.ChineseVersion}\"}} 1", metrics);
    }

    [Fact]
    public async Task Reload_OfOneModel_LeavesTheOtherAlone()
    {
        await using var factory = Service();
        var client = await factory.CreateReadyClientAsync();
        File.WriteAllText(Path.Combine(_models.ChineseFolder, "model.json"),
            File.ReadAllText(Path.Combine(_models.ChineseFolder, "model.json")).Replace(TwoLanguageModels.ChineseVersion, "2.0.0-zh", StringComparison.Ordinal));
        _models.RootBundle.EditManifest(m => m["version"] = "2.0.0-en"); // changed on disk, but not asked for

        var response = await client.PostAsync($"/admin/reload?model={TwoLanguageModels.ChineseName}", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = Assert.Single((await response.ReadJsonAsync()).GetProperty("results").EnumerateArray());
        Assert.Equal(TwoLanguageModels.ChineseName, result.GetProperty("model").GetString());
        Assert.Equal("2.0.0-zh", (await AnsweredByAsync(client, Reviews.Body(Chinese))).Version);
        Assert.Equal(TestPaths.TinyManifest.Version, (await AnsweredByAsync(client, Reviews.Body("good"))).Version);
        var unknown = await client.PostAsync("/admin/reload?model=nope", null);
        await unknown.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task TwoBundlesOfOneName_RefuseTheStart_NamingBothFolders()
    {
        _models.RootBundle.CopyTo(Path.Combine(_models.Root, "again"));

        var (exitCode, lines) = await ApiProcess.RunAsync(TestPaths.Api, new Dictionary<string, string> { ["Model__Path"] = _models.Root });

        Assert.Equal(1, exitCode);
        var refusal = Assert.Single(lines, l => l.Contains("Refusing to start", StringComparison.Ordinal));
        Assert.Contains("names must be unique", refusal);
        Assert.Contains(Path.Combine(_models.Root, "again"), refusal);
    }
}
