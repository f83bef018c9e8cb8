using System.CommandLine;
using Sentiment.Trainer.Cli;

namespace Sentiment.Trainer.Tests;

/// <summary>Runs the trainer's command line in-process and captures what it prints.</summary>
internal static class TrainerCli
{
    /// <summary>Small sizes so a training run takes about a second.</summary>
    public static readonly string[] TinyModel =
        ["--embedding-dim", "4", "--lstm-units", "4", "--epochs", "2", "--batch-size", "8", "--threads", "1"];

    public static string TestData(string file) => Path.Combine(AppContext.BaseDirectory, "TestData", file);

    public static CliResult Run(params string[] args)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        var console = new TrainerConsole(output, errors, interactive: false);
        int exitCode = TrainerCommandLine.Create(console).Parse(args)
            .Invoke(new InvocationConfiguration { Output = output, Error = errors });
        return new CliResult(exitCode, output.ToString(), errors.ToString());
    }
}

internal sealed record CliResult(int ExitCode, string Output, string Errors);

/// <summary>A fresh folder under the system temp folder, deleted afterwards.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"trainer-tests-{Guid.NewGuid():N}");

    public string File(string name, string? content = null)
    {
        string path = System.IO.Path.Combine(Path, name);
        if (content is not null)
            System.IO.File.WriteAllText(path, content);
        return path;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
