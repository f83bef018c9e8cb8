using System.Net;
using System.Text.Json;
using Sentiment.Api.Operations;
using Sentiment.Api.Tests.Infrastructure;
using Sentiment.TestKit;
using static Sentiment.Api.Tests.Infrastructure.HttpAssertions;

namespace Sentiment.Api.Tests.Integration;

/// <summary>POST /admin/reload and polling against a private copy of the tiny bundle.</summary>
public sealed class ReloadTests : IDisposable
{
    private readonly TinyBundleFiles _bundle = TinyBundleFiles.Copy();

    public void Dispose() => _bundle.Dispose();

    private BundleApiFactory Service(params (string Key, string Value)[] settings) =>
        new(_bundle.Path, [("Admin:AllowUnauthenticated", "true"), .. settings]);

    [Fact]
    public async Task Reload_OfANewVersion_SwapsItIn_AndEveryPlaceShowsIt()
    {
        await using var factory = Service();
        var client = await factory.CreateReadyClientAsync();
        _bundle.EditManifest(m => m["version"] = "2.0.0");

        var response = await client.PostAsync("/admin/reload", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = Assert.Single((await response.ReadJsonAsync()).GetProperty("results").EnumerateArray());
        Assert.Equal("reloaded", result.GetProperty("result").GetString());
        Assert.Equal("2.0.0", result.GetProperty("version").GetString());
        Assert.Equal(TestPaths.TinyManifest.Version, result.GetProperty("previousVersion").GetString());
        var model = await client.GetAsync("/model");
        Assert.Equal("2.0.0", (await model.ReadJsonAsync()).GetProperty("version").GetString());
        var scored = await client.PostAsync("/sentiment", Json(Reviews.Body("a good film")));
        Assert.Equal("2.0.0", scored.Headers.GetValues(ModelVersionHeader.Name).Single());
        Assert.Equal("2.0.0", (await scored.ReadJsonAsync()).GetProperty("modelVersion").GetString());
        string metrics = await client.GetStringAsync("/metrics");
        Assert.Contains($"sentiment_model_info{{language=\"en\",model=\"{TestPaths.TinyManifest.Name}\",version=\"2.0.0\"}} 1", metrics);
        Assert.DoesNotContain($"version=\"{TestPaths.TinyManifest.Version}\"", metrics);
        Assert.Contains($"sentiment_model_reloads_total{{model=\"{TestPaths.TinyManifest.Name}\",result=\"reloaded\"}} 1", metrics);
    }

    [Fact]
    public async Task Reload_OfAnAlteredFile_IsRefused_AndTheOldVersionKeepsServing()
    {
        await using var factory = Service();
        var client = await factory.CreateReadyClientAsync();
        var before = await (await client.PostAsync("/sentiment", Json(Reviews.Body("a good film")))).ReadJsonAsync();
        _bundle.EditManifest(m => m["version"] = "2.0.0");
        File.AppendAllText(_bundle.File("vocab.json"), " "); // its hash no longer matches

        var response = await client.PostAsync("/admin/reload", null);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var result = Assert.Single((await response.ReadJsonAsync()).GetProperty("results").EnumerateArray());
        Assert.Equal("refused", result.GetProperty("result").GetString());
        Assert.Equal(_bundle.File("vocab.json"), result.GetProperty("file").GetString());
        Assert.Contains("SHA-256", result.GetProperty("reason").GetString());
        Assert.Equal(TestPaths.TinyManifest.Version, result.GetProperty("version").GetString());
        var after = await client.PostAsync("/sentiment", Json(Reviews.Body("a good film")));
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Equal(before.ToString(), (await after.ReadJsonAsync()).ToString());
        Assert.Contains($"sentiment_model_reloads_total{{model=\"{TestPaths.TinyManifest.Name}\",result=\"refused\"}} 1",
            await client.GetStringAsync("/metrics"));
    }

    [Fact]
    public async Task Reload_OfSwappedLabels_IsRefused_AsAtStartUp()
    {
        await using var factory = Service();
        var client = await factory.CreateReadyClientAsync();
        _bundle.EditManifest(m => m["labels"] = new System.Text.Json.Nodes.JsonArray("positive", "negative"));

        var response = await client.PostAsync("/admin/reload", null);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var result = Assert.Single((await response.ReadJsonAsync()).GetProperty("results").EnumerateArray());
        Assert.Equal(_bundle.File(TinyBundleFiles.ManifestFile), result.GetProperty("file").GetString());
        Assert.Contains("differ from the ONNX graph's", result.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task RequestsDuringReloads_AllSucceed_AndEachNamesTheVersionThatAnswered()
    {
        await using var factory = Service();
        var client = await factory.CreateReadyClientAsync();
        using var stop = new CancellationTokenSource();
        var seen = new System.Collections.Concurrent.ConcurrentBag<string>();
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        var load = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var response = await client.PostAsync("/sentiment", Json(Reviews.Body("the acting was wonderful")));
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    failures.Add($"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                    continue;
                }
                string version = (await response.ReadJsonAsync()).GetProperty("modelVersion").GetString()!;
                if (response.Headers.GetValues(ModelVersionHeader.Name).Single() != version)
                    failures.Add($"header {response.Headers.GetValues(ModelVersionHeader.Name).Single()}, body {version}");
                seen.Add(version);
            }
        })).ToArray();

        for (int i = 1; i <= 6; i++)
        {
            _bundle.EditManifest(m => m["version"] = $"3.0.{i}");
            var reload = await client.PostAsync("/admin/reload", null);
            Assert.Equal(HttpStatusCode.OK, reload.StatusCode);
            await Task.Delay(50);
        }
        await stop.CancelAsync();
        await Task.WhenAll(load);

        Assert.Empty(failures);
        Assert.Contains("3.0.6", seen);
        Assert.True(seen.Distinct().Count() >= 3, $"versions seen: {string.Join(", ", seen.Distinct())}");
    }

    [Fact]
    public async Task SwaggerExamples_HaveExactlyTheFieldsOfRealAnswers()
    {
        await using var factory = Service();
        var client = await factory.CreateReadyClientAsync();
        var operation = (await (await client.GetAsync("/swagger/v1/swagger.json")).ReadJsonAsync())
            .GetProperty("paths").GetProperty("/admin/reload").GetProperty("post").GetProperty("responses");
        var reloaded = await (await client.PostAsync("/admin/reload", null)).ReadJsonAsync();
        File.AppendAllText(_bundle.File("vocab.json"), " ");
        var refused = await (await client.PostAsync("/admin/reload", null)).ReadJsonAsync();

        Assert.Equal(FieldsOf(reloaded), FieldsOf(ExampleOf(operation, "200")));
        Assert.Equal(FieldsOf(refused), FieldsOf(ExampleOf(operation, "422")));
    }

    private static JsonElement ExampleOf(JsonElement responses, string status) =>
        responses.GetProperty(status).GetProperty("content").EnumerateObject().First().Value
            .GetProperty("examples").EnumerateObject().First().Value.GetProperty("value");

    private static string FieldsOf(JsonElement answer) =>
        string.Join(",", answer.GetProperty("results")[0].EnumerateObject().Select(p => p.Name).Order());

    [Fact]
    public async Task Polling_ReloadsAChangedFolder_WithoutARequest()
    {
        await using var factory = Service(("Model:ReloadInterval", "00:00:01"));
        var client = await factory.CreateReadyClientAsync();
        _bundle.EditManifest(m => m["version"] = "4.0.0");

        await Eventually.TrueAsync(async () =>
            (await (await client.GetAsync("/model")).ReadJsonAsync()).GetProperty("version").GetString() == "4.0.0",
            () => "polling did not reload the changed manifest");
    }

    [Fact]
    public async Task ARefusedReload_IsLoggedAsOneLine_NamingTheFileAndReason()
    {
        await using var service = ApiProcess.Start(TestPaths.Api, new Dictionary<string, string>
        {
            ["Model__Path"] = _bundle.Path,
            ["Admin__AllowUnauthenticated"] = "true",
        });
        var address = await service.WaitUntilReadyAsync();
        using var client = new HttpClient { BaseAddress = address };
        File.WriteAllText(_bundle.File("vocab.json"), "{}");

        var response = await client.PostAsync("/admin/reload", null);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        string line = await service.WaitForLineAsync(l => l.Contains("Reload refused", StringComparison.Ordinal));
        Assert.Contains(_bundle.File("vocab.json"), line);
        Assert.Contains("SHA-256", line);
        Assert.Single(service.Lines, l => l.Contains("vocab.json", StringComparison.Ordinal));
    }
}
