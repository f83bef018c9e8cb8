using System.Net;
using Sentiment.Api.Tests.Infrastructure;
using Sentiment.Core;
using Sentiment.Inference;
using static Sentiment.Api.Tests.Infrastructure.HttpAssertions;

namespace Sentiment.Api.Tests.Integration;

/// <summary>The model in models/, as shipped; skipped, with the reason, while there is none.</summary>
public sealed class ShippedModelTests(ShippedModelFactory factory) : IClassFixture<ShippedModelFactory>
{
    private static readonly string[] Texts =
    [
        "An absolutely wonderful film. The acting is brilliant and I loved every minute of it.",
        "A boring, badly written waste of time; the worst film I have seen this year.",
        "It was fine, I guess.",
        "zyzzyva quokka",
        string.Join(' ', Enumerable.Repeat("great", 800)), // 4,799 characters: under MaxTextLength, over max-len tokens
    ];

    [ShippedModelFact]
    public async Task Model_DescribesTheShippedManifest()
    {
        var client = await factory.CreateReadyClientAsync();
        var manifest = ModelManifest.Load(Path.Combine(TestPaths.ShippedModel, ModelManifest.FileName));

        var model = await (await client.GetAsync("/model")).ReadJsonAsync();

        Assert.Equal(manifest.Version, model.GetProperty("version").GetString());
        Assert.Equal(manifest.Labels, model.GetProperty("labels").EnumerateArray().Select(l => l.GetString()));
    }

    [ShippedModelFact]
    public async Task Post_AnswersExactlyAsTheScorerDoes()
    {
        var client = await factory.CreateReadyClientAsync();
        using var scorer = new SentimentScorer(ModelBundle.Load(TestPaths.ShippedModel));

        await PredictionAssert.ApiMatchesScorerAsync(client, scorer, Texts);
    }

    [ShippedModelFact]
    public async Task ClearReviews_GetTheirLabels()
    {
        var client = await factory.CreateReadyClientAsync();

        var results = await client.PostAsync("/sentiment/batch", Json(Reviews.BatchBody(Texts[..2])));

        var labels = (await results.ReadJsonAsync()).GetProperty("results").EnumerateArray()
            .Select(r => r.GetProperty("label").GetString());
        Assert.Equal(["positive", "negative"], labels);
    }

    [ShippedModelFact]
    public async Task ConcurrentRequests_GetExactlyTheOneByOneAnswers()
    {
        await PredictionAssert.ConcurrentEqualsOneByOneAsync(factory, Reviews.Mixed(200, seed: 5), tolerance: 1e-6f);
    }

    /// <summary>The request that gets each documented error example, by example name.</summary>
    private static readonly Dictionary<string, (string MediaType, string Body)> ErrorRequests = new()
    {
        ["missing text"] = ("application/json", "{}"),
        ["text too long"] = ("application/json", Reviews.Body(new string('a', 6000))),
        ["malformed JSON"] = ("application/json", """{"text": "good" """),
        ["empty batch"] = ("application/json", """{"texts": []}"""),
        ["too many texts"] = ("application/json", Reviews.BatchBody(Enumerable.Repeat("good", 65))),
        ["bad item"] = ("application/json", """{"texts": ["good", 2]}"""),
        ["body too large"] = ("application/json", Reviews.Body(new string('a', 1024 * 1024))),
        ["not JSON"] = ("text/plain", "good"),
    };

    [ShippedModelFact]
    public async Task SwaggerExamples_AreWhatTheShippedModelAnswers()
    {
        var client = await factory.CreateReadyClientAsync();
        var document = await (await client.GetAsync("/swagger/v1/swagger.json")).ReadJsonAsync();
        await PredictionAssert.ScoreAsync(client, Texts[0]); // so the metrics excerpt's prediction series exists
        int compared = 0;

        // Reloading would swap the shared fixture's model; ReloadTests compares those examples with real answers.
        foreach (var path in document.GetProperty("paths").EnumerateObject().Where(p => !p.Name.StartsWith("/admin/", StringComparison.Ordinal)))
        foreach (var operation in path.Value.EnumerateObject())
        {
            var requests = operation.Value.TryGetProperty("requestBody", out var body) ? Examples(body).ToDictionary() : [];
            // 503, 401 and 429 need a loading model, keys or a rate limit: their own tests compare those examples.
            foreach (var response in operation.Value.GetProperty("responses").EnumerateObject().Where(r => r.Name is not ("503" or "401" or "429")))
            foreach (var (name, example) in Examples(response.Value))
            {
                string where = $"{operation.Name.ToUpperInvariant()} {path.Name} {response.Name} '{name}'";
                var request = new HttpRequestMessage(new HttpMethod(operation.Name), path.Name);
                if (response.Name != "200")
                {
                    request.Content = new StringContent(ErrorRequests[name].Body);
                    request.Content.Headers.ContentType = new(ErrorRequests[name].MediaType); // no charset, as curl sends it
                }
                else if (requests.Count > 0)
                    request.Content = Json(requests[name].GetRawText());

                var real = await client.SendAsync(request);

                Assert.Equal(response.Name, ((int)real.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture));
                string text = await real.Content.ReadAsStringAsync();
                if (example.ValueKind == System.Text.Json.JsonValueKind.String)
                    AssertExcerptOf(example.GetString()!, text, where);
                else
                    ExampleAssert.Same(example, System.Text.Json.JsonDocument.Parse(text).RootElement, where);
                compared++;
            }
        }

        Assert.Equal(23, compared);
    }

    /// <summary>A plain-text example is the answer, or an excerpt: each line is in the answer or names a series it has.</summary>
    private static void AssertExcerptOf(string example, string real, string where)
    {
        if (example == real)
            return;
        var lines = real.Split('\n');
        foreach (var line in example.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            string series = line.StartsWith('#') ? line : line[..line.LastIndexOf(' ')];
            Assert.True(lines.Any(l => l == line || (!line.StartsWith('#') && l.StartsWith(series + " ", StringComparison.Ordinal))),
                $"{where}: '{line}' is not in the answer");
        }
    }

    private static IEnumerable<(string Name, System.Text.Json.JsonElement Value)> Examples(System.Text.Json.JsonElement withContent) =>
        withContent.TryGetProperty("content", out var content)
            ? content.EnumerateObject().SelectMany(media => media.Value.TryGetProperty("examples", out var examples)
                ? examples.EnumerateObject().Select(e => (e.Name, e.Value.GetProperty("value")))
                : [])
            : [];
}
