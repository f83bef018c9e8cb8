using System.Net.Sockets;
using System.Text;

namespace Sentiment.Api.Tests.Integration;

/// <summary>Requests no HTTP client would send, written byte for byte to the real server.</summary>
public sealed class RawHttpTests(RunningService service) : IClassFixture<RunningService>
{
    [Fact]
    public async Task Post_WithAnOverflowingChunkSize_ReturnsA4xxProblem()
    {
        string response = await SendAsync(
            "POST /sentiment HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n" +
            "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\nffffffffffffffffffff\r\n{\"text\": \"good\"}\r\n0\r\n\r\n");

        Assert.Matches(@"^HTTP/1\.1 4\d\d ", response);
        Assert.Contains("application/problem+json", response);
    }

    [Fact]
    public async Task ControlCharactersInThePath_AreEscapedInTheTextLog()
    {
        string response = await SendAsync(
            "GET /forged%0D%0A[00:00:00%20INF]%20faked%09line%1B[31m HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        Assert.Matches(@"^HTTP/1\.1 404 ", response);
        string line = await service.Process.WaitForLineAsync(l => l.Contains("HTTP GET /forged"));
        Assert.Contains(@"/forged\r\n[00:00:00 INF] faked\tline\u001B[31m responded 404", line);
        Assert.DoesNotContain(service.Process.Lines, l => l.StartsWith("[00:00:00 INF] faked", StringComparison.Ordinal));
    }

    /// <summary>Writes <paramref name="request"/> and reads until the server closes the connection.</summary>
    private async Task<string> SendAsync(string request)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(service.Address.Host, service.Address.Port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        using var reader = new StreamReader(stream, Encoding.ASCII);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        return await reader.ReadToEndAsync(timeout.Token);
    }
}
