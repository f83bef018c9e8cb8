namespace Sentiment.Trainer.Training;

/// <summary>Optimisation settings; their defaults (the tutorial recipe) are the <c>train</c> command's.</summary>
internal sealed record TrainingSettings(
    int Epochs,
    int Patience,
    int BatchSize,
    double LearningRate,
    double Dropout,
    int Seed,
    int Threads,
    double LearningRateDecay,
    double ClipNorm,
    string SelectBy = TrainingSettings.ByLoss)
{
    /// <summary>Keep the epoch with the lowest validation loss (the default).</summary>
    public const string ByLoss = "loss";

    /// <summary>Keep the epoch with the highest validation accuracy.</summary>
    public const string ByAccuracy = "accuracy";

    /// <summary>True when <paramref name="result"/> beats <paramref name="best"/> by <see cref="SelectBy"/>.</summary>
    public bool Improves(EpochResult result, EpochResult best) => SelectBy == ByAccuracy
        ? result.ValidationAccuracy > best.ValidationAccuracy
        : result.ValidationLoss < best.ValidationLoss;

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
