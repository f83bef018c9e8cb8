using Sentiment.Trainer.Model;
using Sentiment.Trainer.Training;
using static TorchSharp.torch;

namespace Sentiment.Trainer.Tests;

[Collection(TorchCollection.Name)]
public class ModelTrainingTests
{
    // Word ids 1-3 are positive words, 4-6 negative, 7-9 neutral filler.
    private static readonly EncodedSplit Dozen = new(
        [[1, 7], [2, 8, 9], [3], [7, 1, 2], [8, 3], [9, 2, 7, 8], [4, 7], [5, 8, 9], [6], [7, 4, 5], [8, 6], [9, 5, 7, 8]],
        [1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0]);

    private static readonly string[] Labels = ["negative", "positive"];

    // Every test sets what it is about; the rest stays fixed here (Dropout is the model's, not read by the trainer).
    private static readonly TrainingSettings Base = new(Epochs: 1, Patience: 1, BatchSize: 4, LearningRate: 0.05,
        Dropout: 0, Seed: 1, Threads: 1, LearningRateDecay: 1, ClipNorm: 0);

    [Fact]
    public void Fit_DozenRows_LowersLoss()
    {
        manual_seed(1);
        using var model = new SentimentModel(new ModelShape(10, 8, 8, 2), dropout: 0.1);
        var settings = Base with { Epochs = 30, Patience = 30, Seed = 1 };

        var history = new ModelTrainer(settings, new SilentProgress()).Fit(model, Dozen, Dozen, Labels);

        Assert.Equal(30, history.Epochs.Count);
        Assert.True(history.Epochs[^1].TrainLoss < history.Epochs[0].TrainLoss / 2,
            $"loss {history.Epochs[0].TrainLoss} -> {history.Epochs[^1].TrainLoss}");
        Assert.Equal(1.0, history.Epochs[history.BestEpoch - 1].ValidationAccuracy);
    }

    [Fact]
    public void Fit_ValidationLossStopsImproving_StopsAfterPatienceAndKeepsBestEpoch()
    {
        manual_seed(2);
        using var model = new SentimentModel(new ModelShape(10, 8, 8, 2), dropout: 0);
        // A validation set whose labels contradict training gets worse as training succeeds.
        var flipped = Dozen with { Labels = [.. Dozen.Labels.Select(label => 1 - label)] };
        var settings = Base with { Epochs = 20, Patience = 2, Seed = 2 };

        var history = new ModelTrainer(settings, new SilentProgress()).Fit(model, Dozen, flipped, Labels);

        Assert.Equal(history.BestEpoch + 2, history.Epochs.Count);
        var (loss, _) = TorchScoring.Evaluate(model, flipped, 4);
        Assert.Equal(history.Epochs[history.BestEpoch - 1].ValidationLoss, loss, 5);
    }

    // Trains a fresh, dropout-free model on the dozen rows, seeded by the settings.
    private static TrainingHistory TrainDozen(TrainingSettings settings)
    {
        manual_seed(settings.Seed);
        using var model = new SentimentModel(new ModelShape(10, 8, 8, 2), dropout: 0);
        return new ModelTrainer(settings, new SilentProgress()).Fit(model, Dozen, Dozen, Labels);
    }

    [Fact]
    public void Fit_LearningRateDecay_ShrinksTheRateAfterTheFirstEpoch()
    {
        var settings = Base with { Epochs = 3, Patience = 3, LearningRate = 0.04, Seed = 4 };

        var constant = TrainDozen(settings);
        var decayed = TrainDozen(settings with { LearningRateDecay = 0.5 });

        Assert.Equal([0.04, 0.02, 0.01], decayed.Epochs.Select(e => Math.Round(e.LearningRate, 10)));
        Assert.Equal(constant.Epochs[0].TrainLoss, decayed.Epochs[0].TrainLoss);
        Assert.NotEqual(constant.Epochs[1].TrainLoss, decayed.Epochs[1].TrainLoss); // the optimiser used the new rate
    }

    [Fact]
    public void Fit_ClippedGradients_ChangeTheTrainingAndStillLearn()
    {
        var settings = Base with { Epochs = 20, Patience = 20, Seed = 5 };

        var free = TrainDozen(settings);
        var clipped = TrainDozen(settings with { ClipNorm = 0.01 });

        Assert.NotEqual(free.Epochs[0].TrainLoss, clipped.Epochs[0].TrainLoss);
        Assert.True(clipped.Epochs[^1].TrainLoss < clipped.Epochs[0].TrainLoss,
            $"loss {clipped.Epochs[0].TrainLoss} -> {clipped.Epochs[^1].TrainLoss}");
    }

    [Fact]
    public void Forward_TextAloneOrBesideLongerTexts_ScoresTheSame()
    {
        manual_seed(3);
        using var model = new SentimentModel(new ModelShape(50, 8, 8, 3), dropout: 0.4);
        int[] text = [5, 9, 2];
        var alone = new EncodedSplit([text], [0]);
        var mixed = new EncodedSplit([Enumerable.Range(1, 40).ToArray(), text, [7], Enumerable.Range(3, 25).ToArray()], [0, 0, 0, 0]);

        var (_, single) = TorchScoring.Evaluate(model, alone, 8);
        var (_, batched) = TorchScoring.Evaluate(model, mixed, 8);

        for (int c = 0; c < 3; c++)
            Assert.True(Math.Abs(single[c] - batched[3 + c]) <= 1e-6, $"class {c}: {single[c]} vs {batched[3 + c]}");
    }
}
