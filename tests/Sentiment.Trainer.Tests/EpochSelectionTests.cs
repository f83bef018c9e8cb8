using Sentiment.Trainer.Training;

namespace Sentiment.Trainer.Tests;

public class EpochSelectionTests
{
    private static TrainingSettings Settings(string selectBy) => new(3, 1, 32, 0.001, 0.3, 42, 1, 1, 0, selectBy);

    private static EpochResult Epoch(double loss, double accuracy) => new(1, 0.5, 0.8, loss, accuracy, 0.7, 1, 0.001);

    [Fact]
    public void ByLoss_KeepsTheLowerLoss_EvenWhenAccuracyRose()
    {
        var settings = Settings(TrainingSettings.ByLoss);
        Assert.False(settings.Improves(Epoch(0.3685, 0.8594), Epoch(0.3633, 0.8546)));
        Assert.True(settings.Improves(Epoch(0.3600, 0.8500), Epoch(0.3633, 0.8546)));
    }

    [Fact]
    public void ByAccuracy_KeepsTheHigherAccuracy_EvenWhenLossRose()
    {
        var settings = Settings(TrainingSettings.ByAccuracy);
        Assert.True(settings.Improves(Epoch(0.3685, 0.8594), Epoch(0.3633, 0.8546)));
        Assert.False(settings.Improves(Epoch(0.3600, 0.8546), Epoch(0.3633, 0.8546))); // a tie keeps the earlier epoch
    }
}
