using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;

namespace Sentiment.TestKit;

/// <summary>
/// The service binary run as its own process, as a container runs it: content root = working
/// folder = the folder holding Sentiment.Api.dll and appsettings.json. Kestrel binds port 0 and the
/// address is read from its "Now listening on" line, so parallel tests never race for a port.
/// For what only a real process shows: exit codes, console log lines, Kestrel's own limits, a browser.
/// </summary>
internal sealed partial class ApiProcess : IAsyncDisposable
{
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    /// <summary>How long a killed process may take to go; past it, dispose throws rather than hang.</summary>
    public static readonly TimeSpan KillTimeout = TimeSpan.FromSeconds(10);

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();

    private ApiProcess(Process process) => _process = process;

    /// <summary>Standard output and error, line by line, as written so far.</summary>
    public IReadOnlyCollection<string> Lines => _lines;

    public string Output => string.Join('\n', _lines);

    /// <summary>Starts <paramref name="assembly"/> (a Sentiment.Api.dll) with these variables and arguments.</summary>
    public static ApiProcess Start(string assembly, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        if (!File.Exists(assembly))
            throw new FileNotFoundException($"The API was not built: {assembly} is missing.", assembly);
        // DOTNET_HOST_PATH is the dotnet that runs `dotnet test`.
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(assembly)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(assembly);
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment.Remove("ASPNETCORE_HTTP_PORTS"); // set in container images; it would only add a warning line
        foreach (var (name, value) in environment)
            start.Environment[name] = value;

        var service = new ApiProcess(new Process { StartInfo = start });
        service._process.OutputDataReceived += (_, e) => service.Add(e.Data);
        service._process.ErrorDataReceived += (_, e) => service.Add(e.Data);
        service._process.Start();
        service._process.BeginOutputReadLine();
        service._process.BeginErrorReadLine();
        return service;
    }

    /// <summary>Runs the API with these arguments to the end and gives its exit code and output.</summary>
    public static async Task<(int ExitCode, IReadOnlyCollection<string> Lines)> RunAsync(
        string assembly, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        await using var service = Start(assembly, environment, arguments);
        int exitCode = await service.WaitForExitAsync(StartTimeout);
        return (exitCode, service.Lines);
    }

    /// <summary>The exit code; throws <see cref="TimeoutException"/> if the process is still running after <paramref name="timeout"/>.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"The API did not exit within {timeout.TotalSeconds:0.###} s:\n{Output}");
        }
        _process.WaitForExit(); // flushes the asynchronous output readers
        return _process.ExitCode;
    }

    /// <summary>The address Kestrel chose, once /health/ready answers 200.</summary>
    public async Task<Uri> WaitUntilReadyAsync()
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        Uri? address = null;
        await Eventually.TrueAsync(async () =>
        {
            if (_process.HasExited)
            {
                _process.WaitForExit();
                throw new InvalidOperationException($"The API exited with code {_process.ExitCode} before it was ready:\n{Output}");
            }
            address ??= ListeningAddress();
            return address is not null && await IsReadyAsync(client, address);
        }, () => "the API did not become ready:\n" + Output, StartTimeout);
        return address!;
    }

    /// <summary>The first line written so far, or within the polling timeout, that matches.</summary>
    public Task<string> WaitForLineAsync(Func<string, bool> match) =>
        Eventually.FoundAsync(() => _lines.FirstOrDefault(match), () => "no such log line:\n" + Output);

    private Uri? ListeningAddress() =>
        _lines.Select(line => ListeningOn().Match(line)).FirstOrDefault(m => m.Success) is { } match
            ? new Uri(match.Groups[1].Value) : null;

    private static async Task<bool> IsReadyAsync(HttpClient client, Uri address)
    {
        try
        {
            using var response = await client.GetAsync(new Uri(address, "/health/ready"));
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return false; // not listening yet, or too busy starting to answer
        }
    }

    /// <summary>Sends SIGTERM, as Kubernetes and <c>docker stop</c> do (<see cref="Process.Kill()"/> sends SIGKILL).</summary>
    public void Terminate()
    {
        if (kill(_process.Id, SigTerm) != 0)
            throw new InvalidOperationException($"kill({_process.Id}, SIGTERM) failed: errno {Marshal.GetLastPInvokeError()}");
    }

    private const int SigTerm = 15;

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int signal);

    private void Add(string? line)
    {
        if (line is not null)
            _lines.Enqueue(line);
    }

    /// <summary>Kills the process tree; throws <see cref="TimeoutException"/> instead of hanging if it does not go.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await WaitForExitAsync(KillTimeout);
            }
        }
        finally
        {
            _process.Dispose();
        }
    }

    // Matches the text and the JSON log format, where the address is quoted.
    [GeneratedRegex(@"Now listening on: \\?""?(http://[^\s""\\]+)")]
    private static partial Regex ListeningOn();
}
