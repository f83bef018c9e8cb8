using Sentiment.Core;
using Sentiment.Inference;

namespace Sentiment.Trainer.Cli;

/// <summary>
/// Runs a command and turns the problems a user can fix into one line on stderr and exit code 1:
/// bad data, a bad bundle, a bad option or path, and any file system failure. Only bugs print a stack trace.
/// </summary>
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
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A file system failure the commands do not foresee (a full disk, a file removed midway):
            // still the user's to fix, so still one line; the system's message names the path.
            console.Error(e.Message);
            return 1;
        }
    }
}
