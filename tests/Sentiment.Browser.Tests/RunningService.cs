using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Sentiment.Browser.Tests;

/// <summary>
/// The API started as a real process (`dotnet Sentiment.Api.dll`) on a free loopback port,
/// serving the tiny test bundle; ready once /health/ready answers 200.
/// </summary>
public sealed class RunningService : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly StringBuilder _output = new();
    private Process? _process;

    public Uri BaseAddress { get; } = new($"http://127.0.0.1:{FreePort()}");

    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(10) };

    public async Task InitializeAsync()
    {
        var assembly = BuildInfo.ApiAssembly;
        Assert.True(File.Exists(assembly), $"The API was not built: {assembly} is missing.");
        // DOTNET_HOST_PATH is the dotnet that runs `dotnet test`.
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(assembly)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(assembly);
        start.Environment["ASPNETCORE_URLS"] = BaseAddress.ToString();
        start.Environment["ASPNETCORE_HTTP_PORTS"] = "";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Model__Path"] = Path.Combine(AppContext.BaseDirectory, "TestData", "tiny-bundle");

        _process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        _process.OutputDataReceived += (_, e) => Record(e.Data);
        _process.ErrorDataReceived += (_, e) => Record(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await WaitUntilReadyAsync();
    }

    public Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
        _process?.Dispose();
        return Task.CompletedTask;
    }

    private async Task WaitUntilReadyAsync()
    {
        using var client = CreateClient();
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartTimeout)
        {
            if (_process!.HasExited)
                throw new InvalidOperationException($"The API exited with code {_process.ExitCode}:\n{Output}");
            try
            {
                using var response = await client.GetAsync("/health/ready");
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { } // not listening yet
            await Task.Delay(200);
        }
        throw new TimeoutException($"The API was not ready within {StartTimeout.TotalSeconds} s:\n{Output}");
    }

    private string Output { get { lock (_output) return _output.ToString(); } }

    private void Record(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

[CollectionDefinition(Name)]
public sealed class RunningServiceCollection : ICollectionFixture<RunningService>
{
    public const string Name = "running service";
}
