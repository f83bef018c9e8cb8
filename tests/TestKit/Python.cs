using System.Collections.Concurrent;
using System.Diagnostics;

namespace Sentiment.TestKit;

/// <summary>
/// Runs the system Python (Debian's /usr/bin/python3, where python3-keras-preprocessing and
/// python3-onnx install) for oracle checks.
/// </summary>
internal static class Python
{
    public const string Executable = "/usr/bin/python3";

    /// <summary>Far above the slowest oracle run (a few seconds), so only a hung interpreter meets it.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(2);

    private static readonly ConcurrentDictionary<string, bool> Importable = new();

    public static bool CanImport(string module) => Importable.GetOrAdd(module, m =>
        File.Exists(Executable) && Run(["-c", $"import {m}"], input: "").ExitCode == 0);

    /// <summary>Why a test needing <paramref name="module"/> cannot run here, or null when it can.</summary>
    public static string? SkipReason(string module, string debianPackage) => CanImport(module)
        ? null
        : $"{Executable} cannot import {module}; install it with: apt-get install -y {debianPackage}";

    /// <summary>
    /// Runs Python with <paramref name="arguments"/>, writing <paramref name="input"/> to its stdin.
    /// A run longer than <paramref name="timeout"/> is killed and throws <see cref="TimeoutException"/>.
    /// </summary>
    public static (int ExitCode, string Output, string Error) Run(IEnumerable<string> arguments, string input, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
            start.ArgumentList.Add(argument);
        start.Environment["PYTHONIOENCODING"] = "utf-8";
        start.Environment["PYTHONNOUSERSITE"] = "1";
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        var writing = WriteAndCloseAsync(process.StandardInput, input); // not awaited first: a script that never reads must not block us
        var limit = timeout ?? DefaultTimeout;
        if (!process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
            throw new TimeoutException(
                $"{Executable} {string.Join(' ', start.ArgumentList)} did not finish within {limit.TotalSeconds:0.###} s and was killed.");
        }
        writing.GetAwaiter().GetResult();
        return (process.ExitCode, output.Result, error.Result);
    }

    private static async Task WriteAndCloseAsync(StreamWriter stdin, string input)
    {
        try
        {
            await stdin.WriteAsync(input);
            stdin.Close();
        }
        catch (IOException)
        {
            // the script exited without reading all of its input; its exit code and stderr tell why
        }
    }
}

/// <summary>
/// A fact that runs only when the system Python can import <c>module</c>, and is reported as
/// skipped with the reason otherwise (xunit 2 has no runtime skip; in CI a skip fails the run).
/// </summary>
internal sealed class PythonFactAttribute : FactAttribute
{
    public PythonFactAttribute(string module, string debianPackage)
    {
        Skip = Python.SkipReason(module, debianPackage);
    }
}

/// <summary>The theory form of <see cref="PythonFactAttribute"/>.</summary>
internal sealed class PythonTheoryAttribute : TheoryAttribute
{
    public PythonTheoryAttribute(string module, string debianPackage)
    {
        Skip = Python.SkipReason(module, debianPackage);
    }
}
