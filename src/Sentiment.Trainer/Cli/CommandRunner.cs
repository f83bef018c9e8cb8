using Sentiment.Core;
using Sentiment.Inference;
using Sentiment.Trainer.Output;

namespace Sentiment.Trainer.Cli;

/// <summary>Runs a command and turns the problems a user can fix into one line on stderr and exit code 1.</summary>
internal static class CommandRunner
{
    public static int Run(TrainerConsole console, Action command)
    {
        try
        {
            command();
            return 0;
        }
        catch (Exception e) when (e is DataFileException or TrainerException or ModelBundleException)
        {
            console.Error(e.Message);
            return 1;
        }
    }
}
