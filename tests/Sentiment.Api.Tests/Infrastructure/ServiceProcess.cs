using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;

namespace Sentiment.Api.Tests.Infrastructure;

/// <summary>
/// The service binary run as its own process, as a container runs it: content root = working
/// folder = the folder holding Sentiment.Api.dll and appsettings.json. For what only a real process
/// shows: exit codes, console log lines, Kestrel's own limits, the probe mode.
/// </summary>
public sealed partial class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();

    private ServiceProcess(Process process) => _process = process;

    public IReadOnlyCollection<string> Lines => _lines;

    public static ServiceProcess Start(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Sentiment.Api.dll"));
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        foreach (var (name, value) in environment)
            start.Environment[name] = value;

        var service = new ServiceProcess(new Process { StartInfo = start });
        service._process.OutputDataReceived += (_, e) => service.Add(e.Data);
        service._process.ErrorDataReceived += (_, e) => service.Add(e.Data);
        service._process.Start();
        service._process.BeginOutputReadLine();
        service._process.BeginErrorReadLine();
        return service;
    }

    /// <summary>Runs <c>Sentiment.Api.dll</c> with these arguments to the end and gives its exit code.</summary>
    public static async Task<(int ExitCode, IReadOnlyCollection<string> Lines)> RunAsync(
        IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        await using var service = Start(environment, arguments);
        int exitCode = await service.WaitForExitAsync(TimeSpan.FromSeconds(60));
        return (exitCode, service.Lines);
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancel.Token);
        _process.WaitForExit(); // flushes the asynchronous output readers
        return _process.ExitCode;
    }

    /// <summary>The address Kestrel chose, once the model is ready.</summary>
    public async Task<Uri> WaitUntilReadyAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        Uri? address = null;
        using var client = new HttpClient();
        while (DateTime.UtcNow < deadline && !_process.HasExited)
        {
            address ??= _lines.Select(line => ListeningOn().Match(line)).FirstOrDefault(m => m.Success) is { } match
                ? new Uri(match.Groups[1].Value) : null;
            if (address is not null && await IsReadyAsync(client, address))
                return address;
            await Task.Delay(50);
        }
        throw new InvalidOperationException("The service did not become ready:\n" + string.Join('\n', _lines));
    }

    private static async Task<bool> IsReadyAsync(HttpClient client, Uri address)
    {
        try
        {
            return (await client.GetAsync(new Uri(address, "/health/ready"))).StatusCode == HttpStatusCode.OK;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private void Add(string? line)
    {
        if (line is not null)
            _lines.Enqueue(line);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    // Matches the text and the JSON log format, where the address is quoted.
    [GeneratedRegex(@"Now listening on: \\?""?(http://[^\s""\\]+)")]
    private static partial Regex ListeningOn();
}
