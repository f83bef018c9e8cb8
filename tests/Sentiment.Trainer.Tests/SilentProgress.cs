using Sentiment.Trainer.Training;

namespace Sentiment.Trainer.Tests;

/// <summary>Runs the steps, showing nothing.</summary>
internal sealed class SilentProgress : ITrainingProgress
{
    public void RunEpoch(int epoch, int epochs, int batches, Func<int, BatchStatus> step)
    {
        for (int i = 0; i < batches; i++)
            step(i);
    }

    public void EpochDone(EpochResult result)
    {
    }
}
