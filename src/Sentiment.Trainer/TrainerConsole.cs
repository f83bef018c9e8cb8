using Sentiment.Core;
using Sentiment.Trainer.Training;
using Spectre.Console;

namespace Sentiment.Trainer;

/// <summary>Where the trainer talks: live progress on a terminal, plain lines when output is redirected.</summary>
internal sealed class TrainerConsole(TextWriter output, TextWriter errors, bool interactive)
{
    public static TrainerConsole Create() => new(Console.Out, Console.Error,
        !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive);

    public bool Interactive => interactive;

    public void Info(string message) => output.WriteLine(message);

    public void Warn(string message) => errors.WriteLine($"warning: {message}");

    public void Error(string message) => errors.WriteLine($"error: {message}");

    public void Report(ReportInfo report, string title)
    {
        output.WriteLine();
        output.Write(ClassificationReport.Format(report, title));
    }

    public ITrainingProgress TrainingProgress() =>
        interactive ? new LiveTrainingProgress(output) : new PlainTrainingProgress(output);
}
