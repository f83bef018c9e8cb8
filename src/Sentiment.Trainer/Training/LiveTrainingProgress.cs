using Spectre.Console;

namespace Sentiment.Trainer.Training;

/// <summary>A live Spectre.Console bar per epoch: batches done, ETA, running loss and accuracy.</summary>
internal sealed class LiveTrainingProgress(TextWriter output) : ITrainingProgress
{
    public void RunEpoch(int epoch, int epochs, int batches, Func<int, BatchStatus> step)
    {
        AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(),
                new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask($"epoch {epoch}/{epochs}", maxValue: batches);
                for (int i = 0; i < batches; i++)
                {
                    var status = step(i);
                    task.Increment(1);
                    task.Description = $"epoch {epoch}/{epochs} {i + 1}/{batches} loss {status.Loss:F4} acc {status.Accuracy * 100:F1}%";
                }
            });
    }

    public void EpochDone(EpochResult result) => output.WriteLine(PlainTrainingProgress.Summary(result));
}
