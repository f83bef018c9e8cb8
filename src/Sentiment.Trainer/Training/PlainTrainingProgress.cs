using System.Diagnostics;

namespace Sentiment.Trainer.Training;

/// <summary>Progress as plain lines, for logs and redirected output: a few per epoch, then its summary.</summary>
internal sealed class PlainTrainingProgress(TextWriter output) : ITrainingProgress
{
    private const int LinesPerEpoch = 4;

    public void RunEpoch(int epoch, int epochs, int batches, Func<int, BatchStatus> step)
    {
        var clock = Stopwatch.StartNew();
        int every = Math.Max(1, batches / LinesPerEpoch);
        for (int i = 0; i < batches; i++)
        {
            var status = step(i);
            if ((i + 1) % every == 0 && i + 1 < batches)
                output.WriteLine($"epoch {epoch}/{epochs}: {i + 1}/{batches} batches, loss {status.Loss:F4},"
                    + $" accuracy {status.Accuracy * 100:F1}%, {clock.Elapsed.TotalSeconds:F0} s");
        }
    }

    public void EpochDone(EpochResult result) => output.WriteLine(Summary(result));

    public static string Summary(EpochResult r) =>
        $"epoch {r.Epoch}: train loss {r.TrainLoss:F4}, accuracy {r.TrainAccuracy * 100:F2}% | validation loss {r.ValidationLoss:F4},"
        + $" accuracy {r.ValidationAccuracy * 100:F2}%, macro-F1 {r.ValidationMacroF1:F4} | lr {r.LearningRate:G3}, {r.Seconds:F1} s";
}
