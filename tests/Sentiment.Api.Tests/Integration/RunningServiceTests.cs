using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Sentiment.Api.Tests.Infrastructure;
using Sentiment.TestKit;
using static Sentiment.Api.Tests.Infrastructure.HttpAssertions;

namespace Sentiment.Api.Tests.Integration;

/// <summary>
/// One real service process over the tiny bundle, shared by the tests below, with non-default limits
/// so the tests show that Kestrel enforces the configured ones.
/// </summary>
public sealed class RunningService : IAsyncLifetime
{
    public const int MaxRequestBytes = 4096;
    public const int QueueCapacity = 8;

    private ApiProcess? _process;

    public Uri Address { get; private set; } = null!;

    internal ApiProcess Process => _process!;

    public async Task InitializeAsync()
    {
        _process = ApiProcess.Start(TestPaths.Api, new Dictionary<string, string>
        {
            ["Model__Path"] = TestPaths.TinyBundle,
            ["Api__MaxRequestBytes"] = MaxRequestBytes.ToString(CultureInfo.InvariantCulture),
            ["Batching__QueueCapacity"] = QueueCapacity.ToString(CultureInfo.InvariantCulture),
        });
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
        // Other tests share the process, so find this request's line by its length.
        string line = await WaitForLineAsync(l => l.Contains("HTTP POST /sentiment responded 200") && l.Contains($"text length {secret.Length})"));
        Assert.Matches(@"responded 200 in \d+\.\d{3} ms \(model tiny-sentiment 0\.1\.0, text length " + secret.Length + @"\)", line);
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
    public async Task BodyOverTheConfiguredMaxRequestBytes_Returns413NamingIt_ChunkedOrNot()
    {
        string body = Reviews.Body(new string('x', RunningService.MaxRequestBytes));

        var sized = await _client.PostAsync("/sentiment", Json(body));
        var chunked = await _client.PostAsync("/sentiment", new PushStreamContent(Encoding.UTF8.GetBytes(body)));

        foreach (var response in new[] { sized, chunked })
        {
            var problem = await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
            Assert.Contains($"larger than {RunningService.MaxRequestBytes} bytes", problem.GetProperty("detail").GetString());
        }
    }

    [Fact]
    public async Task BodyUnderTheConfiguredMaxRequestBytes_IsScored()
    {
        string body = Reviews.Body(new string('x', RunningService.MaxRequestBytes - 100));

        var response = await _client.PostAsync("/sentiment", Json(body));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task BatchLargerThanTheWholeQueue_Answers413_NotARetry()
    {
        var response = await _client.PostAsync("/sentiment/batch", Json(Reviews.BatchBody(Reviews.Mixed(RunningService.QueueCapacity + 1))));

        var problem = await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("can never fit", problem.GetProperty("detail").GetString());
        Assert.Null(response.Headers.RetryAfter);
    }

    [Fact]
    public async Task Problems_CarryTheW3CTraceContextAsTraceId()
    {
        var response = await _client.PostAsync("/sentiment", Json("{}"));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Matches(ExampleAssert.W3CTraceContext(), problem.GetProperty("traceId").GetString());
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

        var deadline = DateTime.UtcNow.AddSeconds(10);
        JsonElement? request = null;
        while (request is null && DateTime.UtcNow < deadline)
        {
            request = json.Lines.Where(l => l.StartsWith('{')).Select(l => JsonDocument.Parse(l).RootElement)
                .Cast<JsonElement?>().FirstOrDefault(e => e!.Value.TryGetProperty("RequestPath", out var path) && path.GetString() == "/sentiment");
            await Task.Delay(50);
        }
        Assert.NotNull(request);
        var properties = request.Value;
        Assert.Equal("POST", properties.GetProperty("RequestMethod").GetString());
        Assert.Equal("/sentiment", properties.GetProperty("RequestPath").GetString());
        Assert.Equal(200, properties.GetProperty("StatusCode").GetInt32());
        Assert.True(properties.GetProperty("Elapsed").GetDouble() > 0);
        Assert.Equal("0.1.0", properties.GetProperty("ModelVersion").GetString());
        Assert.Equal(9, properties.GetProperty("TextLength").GetInt32());
    }

    private async Task<string> WaitForLineAsync(Func<string, bool> match)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            if (service.Process.Lines.FirstOrDefault(match) is { } line)
                return line;
            await Task.Delay(20);
        }
        throw new TimeoutException("log line not written:\n" + string.Join('\n', service.Process.Lines));
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
