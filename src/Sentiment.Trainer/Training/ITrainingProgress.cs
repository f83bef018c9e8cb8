namespace Sentiment.Trainer.Training;

/// <summary>Running figures after a training step.</summary>
internal readonly record struct BatchStatus(double Loss, double Accuracy);

/// <summary>Shows training as it goes: a live bar on a terminal, plain lines otherwise.</summary>
internal interface ITrainingProgress
{
    /// <summary>Runs <paramref name="step"/> for batches 0..batches-1 while showing their progress.</summary>
    void RunEpoch(int epoch, int epochs, int batches, Func<int, BatchStatus> step);

    /// <summary>Reports an epoch's training and validation figures.</summary>
    void EpochDone(EpochResult result);
}
