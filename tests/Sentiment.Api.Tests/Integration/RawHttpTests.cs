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
