using System.Net;
using System.Text;
using System.Text.Json;
using Sentiment.Api.Tests.Infrastructure;
using Sentiment.TestKit;
using static Sentiment.Api.Tests.Infrastructure.HttpAssertions;

namespace Sentiment.Api.Tests.Integration;

/// <summary>One real service process over the tiny bundle, shared by the tests below.</summary>
public sealed class RunningService : IAsyncLifetime
{
    private ApiProcess? _process;

    public Uri Address { get; private set; } = null!;

    internal ApiProcess Process => _process!;

    public async Task InitializeAsync()
    {
        _process = ApiProcess.Start(TestPaths.Api, new Dictionary<string, string> { ["Model__Path"] = TestPaths.TinyBundle });
        Address = await _process.WaitUntilReadyAsync();
    }

    public async Task DisposeAsync()
    {
        if (_process is not null)
            await _process.DisposeAsync();
    }
}

public sealed class RunningServiceTests(RunningService service) : IClassFixture<RunningService>
{
    private readonly HttpClient _client = new() { BaseAddress = service.Address };

    [Fact]
    public async Task ProbeMode_ExitsZeroForAReadyService_AndOneForNoService()
    {
        var none = new Dictionary<string, string>();
        var ready = await ApiProcess.RunAsync(TestPaths.Api, none, "--probe", new Uri(service.Address, "/health/ready").ToString());
        var fromUrls = await ApiProcess.RunAsync(TestPaths.Api,
            new Dictionary<string, string> { ["ASPNETCORE_URLS"] = $"http://+:{service.Address.Port}" }, "--probe");
        var nothing = await ApiProcess.RunAsync(TestPaths.Api, none, "--probe", "http://127.0.0.1:1/health/ready");

        Assert.Equal(0, ready.ExitCode);
        Assert.Equal(0, fromUrls.ExitCode);
        Assert.Equal(1, nothing.ExitCode);
    }

    [Fact]
    public async Task RequestLog_IsOneLinePerRequest_WithLengthButNeverTheText()
    {
        const string secret = "my very private review of a good movie 7f3a";

        var response = await _client.PostAsync("/sentiment", Json(Reviews.Body(secret)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        string line = await service.Process.WaitForLineAsync(l => l.Contains("HTTP POST /sentiment responded 200"));
        Assert.Matches(@"responded 200 in \d+\.\d{3} ms \(model 0\.1\.0, text length " + secret.Length + @"\)", line);
        Assert.DoesNotContain(service.Process.Lines, l => l.Contains("7f3a"));
    }

    [Fact]
    public async Task ChunkedBodyOverMaxRequestBytes_Returns413FromTheRealServer()
    {
        var content = new PushStreamContent(Encoding.UTF8.GetBytes($$"""{"text": "{{new string('x', 2 * 1024 * 1024)}}"}"""));

        var response = await _client.PostAsync("/sentiment", content);

        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task JsonLogFormat_WritesStructuredRequestLines()
    {
        await using var json = ApiProcess.Start(TestPaths.Api, new Dictionary<string, string>
        {
            ["Model__Path"] = TestPaths.TinyBundle,
            ["Log__Format"] = "Json",
        });
        var address = await json.WaitUntilReadyAsync();
        using var client = new HttpClient { BaseAddress = address };

        await client.PostAsync("/sentiment", Json(Reviews.Body("good film")));

        string line = await json.WaitForLineAsync(l => l.StartsWith('{')
            && JsonDocument.Parse(l).RootElement.TryGetProperty("RequestPath", out var path) && path.GetString() == "/sentiment");
        var properties = JsonDocument.Parse(line).RootElement;
        Assert.Equal("POST", properties.GetProperty("RequestMethod").GetString());
        Assert.Equal("/sentiment", properties.GetProperty("RequestPath").GetString());
        Assert.Equal(200, properties.GetProperty("StatusCode").GetInt32());
        Assert.True(properties.GetProperty("Elapsed").GetDouble() > 0);
        Assert.Equal("0.1.0", properties.GetProperty("ModelVersion").GetString());
        Assert.Equal(9, properties.GetProperty("TextLength").GetInt32());
    }

    /// <summary>Sends without Content-Length, so the server cannot refuse before reading.</summary>
    private sealed class PushStreamContent : HttpContent
    {
        private readonly byte[] _data;

        public PushStreamContent(byte[] data)
        {
            _data = data;
            Headers.ContentType = new("application/json");
        }

        protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) =>
            stream.WriteAsync(_data).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
