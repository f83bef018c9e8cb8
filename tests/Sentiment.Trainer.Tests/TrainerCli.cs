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
