namespace Sentiment.Trainer.Training;

/// <summary>Optimisation settings; the defaults are the tutorial recipe.</summary>
internal sealed record TrainingSettings(
    int Epochs = 5,
    int Patience = 2,
    int BatchSize = 32,
    double LearningRate = 0.001,
    double Dropout = 0.4,
    int Seed = 42,
    int Threads = 2,
    double LearningRateDecay = 1.0,
    double ClipNorm = 0)
{
    /// <summary>Adam's rate in <paramref name="epoch"/> (1-based): the start rate, times the decay once per epoch after the first.</summary>
    public double LearningRateAt(int epoch) => LearningRate * Math.Pow(LearningRateDecay, epoch - 1);
}

/// <summary>What one epoch achieved; validation figures come from the model in eval mode.</summary>
internal sealed record EpochResult(
    int Epoch,
    double TrainLoss,
    double TrainAccuracy,
    double ValidationLoss,
    double ValidationAccuracy,
    double ValidationMacroF1,
    double Seconds,
    double LearningRate);

/// <summary>All epochs run and the one whose weights were kept.</summary>
internal sealed record TrainingHistory(IReadOnlyList<EpochResult> Epochs, int BestEpoch);
