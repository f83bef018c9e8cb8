using System.Collections.Concurrent;
using System.Diagnostics;

namespace Sentiment.Tests.Shared;

/// <summary>
/// Runs the system Python (Debian's /usr/bin/python3, where python3-keras-preprocessing and
/// python3-onnx install) for oracle checks.
/// </summary>
internal static class Python
{
    public const string Executable = "/usr/bin/python3";

    private static readonly ConcurrentDictionary<string, bool> Importable = new();

    public static bool CanImport(string module) => Importable.GetOrAdd(module, m =>
        File.Exists(Executable) && Run(["-c", $"import {m}"], input: "").ExitCode == 0);

    /// <summary>Runs Python with <paramref name="arguments"/>, writing <paramref name="input"/> to its stdin.</summary>
    public static (int ExitCode, string Output, string Error) Run(IEnumerable<string> arguments, string input)
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
        process.StandardInput.Write(input);
        process.StandardInput.Close();
        process.WaitForExit();
        return (process.ExitCode, output.Result, error.Result);
    }
}

/// <summary>
/// A fact that runs only when the system Python can import <c>module</c>, and is reported as
/// skipped with the reason otherwise (xunit 2 has no runtime skip).
/// </summary>
internal sealed class PythonFactAttribute : FactAttribute
{
    public PythonFactAttribute(string module, string debianPackage)
    {
        if (!Python.CanImport(module))
            Skip = $"{Python.Executable} cannot import {module}; install it with: apt-get install -y {debianPackage}";
    }
}
