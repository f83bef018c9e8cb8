using System.Net;
using System.Text.Json;
using Sentiment.Api.Operations;
using Sentiment.Api.Tests.Infrastructure;
using Sentiment.Core;
using Sentiment.Inference;
using static Sentiment.Api.Tests.Infrastructure.HttpAssertions;

namespace Sentiment.Api.Tests.Integration;

/// <summary>The shipped Chinese bundle (models/zh) served beside the shipped English default, as docker compose serves them.</summary>
public sealed class ShippedChineseModelTests(ShippedModelFactory factory) : IClassFixture<ShippedModelFactory>
{
    private const string Boring = "这部电影太无聊了"; // "this film is so boring"
    private const string Wonderful = "An absolutely wonderful film. The acting is brilliant and I loved every minute of it.";

    private static readonly ModelManifest English = Manifest(TestPaths.ShippedModel);
    private static readonly ModelManifest Chinese = Manifest(TestPaths.ShippedChineseModel);

    private static ModelManifest Manifest(string folder) => ModelManifest.Load(Path.Combine(folder, ModelManifest.FileName));

    private async Task<(JsonElement Body, string ModelName)> PostAsync(string body)
    {
        var client = await factory.CreateReadyClientAsync();
        var response = await client.PostAsync("/sentiment", Json(body));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.ReadJsonAsync(), response.Headers.GetValues(ModelVersionHeader.ModelName).Single());
    }

    [ShippedModelFact]
    public async Task ABoringFilmInChinese_IsNegative_AnsweredByTheChineseModel()
    {
        var (body, modelName) = await PostAsync(Reviews.Body(Boring));

        Assert.Equal("sentiment-zh-lstm", modelName);
        Assert.Equal("negative", body.GetProperty("label").GetString());
        Assert.Equal(Chinese.Version, body.GetProperty("modelVersion").GetString());
    }

    [ShippedModelFact]
    public async Task ChineseReviews_AnswerExactlyAsTheChineseScorerDoes()
    {
        var client = await factory.CreateReadyClientAsync();
        using var scorer = new SentimentScorer(ModelBundle.Load(TestPaths.ShippedChineseModel));

        await PredictionAssert.ApiMatchesScorerAsync(client, scorer,
            [Boring, "酒店服务很好，房间干净，下次还会再来。", "送餐太慢了，饭菜都凉了。", "物流很快，质量不错，很满意！"]);
    }

    [ShippedModelFact]
    public async Task ABatchOfAnEnglishAndAChineseReview_IsAnsweredByBothModels()
    {
        var client = await factory.CreateReadyClientAsync();

        var response = await client.PostAsync("/sentiment/batch", Json(Reviews.BatchBody([Wonderful, Boring])));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var results = (await response.ReadJsonAsync()).GetProperty("results").EnumerateArray()
            .Select(r => (r.GetProperty("model").GetString(), r.GetProperty("label").GetString()));
        Assert.Equal([(English.Name, "positive"), (Chinese.Name, "negative")], results);
        Assert.Equal($"{English.Name}, {Chinese.Name}", response.Headers.GetValues(ModelVersionHeader.ModelName).Single());
    }

    [ShippedModelFact]
    public async Task LanguageZh_SendsEvenAnEnglishText_ToTheChineseModel()
    {
        var (_, modelName) = await PostAsync(JsonSerializer.Serialize(new { text = Wonderful, language = "zh" }));

        Assert.Equal(Chinese.Name, modelName);
    }

    [ShippedModelFact]
    public async Task Models_ListsBothShippedModels_WithTheirLanguages_TheEnglishOneTheDefault()
    {
        var client = await factory.CreateReadyClientAsync();

        var list = await (await client.GetAsync("/models")).ReadJsonAsync();

        Assert.Equal(English.Name, list.GetProperty("default").GetString());
        var models = list.GetProperty("models").EnumerateArray()
            .Select(m => (m.GetProperty("name").GetString(), m.GetProperty("version").GetString(), m.GetProperty("language").GetString()));
        Assert.Equal([(English.Name, English.Version, "en"), ("sentiment-zh-lstm", Chinese.Version, "zh")], models);
    }
}
