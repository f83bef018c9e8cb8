using System.Diagnostics;
using Sentiment.Core;
using Sentiment.Trainer.Model;
using static TorchSharp.torch;

namespace Sentiment.Trainer.Training;

/// <summary>
/// Trains with Adam and cross-entropy, validates after every epoch, and stops early when the
/// validation loss (or accuracy, <see cref="TrainingSettings.SelectBy"/>) has not improved for
/// <see cref="TrainingSettings.Patience"/> epochs, keeping the best epoch's weights. The learning rate may shrink from epoch to epoch, so that later
/// passes, which mostly serve data that needs more than one, move the weights less.
/// </summary>
internal sealed class ModelTrainer(TrainingSettings settings, ITrainingProgress progress)
{
    public TrainingHistory Fit(SentimentModel model, EncodedSplit train, EncodedSplit validation, IReadOnlyList<string> labels)
    {
        var random = new Random(settings.Seed); // batch order; weights and dropout use torch's seed
        using var optimizer = optim.Adam(model.parameters(), settings.LearningRate);
        var epochs = new List<EpochResult>();
        Dictionary<string, Tensor>? best = null;
        int bestEpoch = 0;
        try
        {
            for (int epoch = 1; epoch <= settings.Epochs; epoch++)
            {
                var clock = Stopwatch.StartNew();
                double learningRate = settings.LearningRateAt(epoch);
                foreach (var group in optimizer.ParamGroups)
                    group.LearningRate = learningRate;
                var (trainLoss, trainAccuracy) = TrainEpoch(model, optimizer, train, random, epoch);
                var (validationLoss, probabilities) = TorchScoring.Evaluate(model, validation, settings.BatchSize);
                var report = ClassificationReport.Compute(validation.Labels, TorchScoring.ArgMax(probabilities, labels.Count), labels);
                var result = new EpochResult(epoch, trainLoss, trainAccuracy, validationLoss,
                    report.Accuracy, report.MacroF1, clock.Elapsed.TotalSeconds, learningRate);
                epochs.Add(result);
                progress.EpochDone(result);
                if (best is null || settings.Improves(result, epochs[bestEpoch - 1]))
                {
                    Release(best);
                    best = Snapshot(model);
                    bestEpoch = epoch;
                }
                else if (epoch - bestEpoch >= settings.Patience)
                {
                    break;
                }
            }
            if (best is not null)
                model.load_state_dict(best);
            return new TrainingHistory(epochs, bestEpoch);
        }
        finally
        {
            Release(best);
        }
    }

    private (double Loss, double Accuracy) TrainEpoch(SentimentModel model, optim.Optimizer optimizer,
        EncodedSplit train, Random random, int epoch)
    {
        List<int[]> batches = BatchOrder.ForTraining(train, settings.BatchSize, random);
        double lossSum = 0;
        long correct = 0, seen = 0;
        model.train();
        progress.RunEpoch(epoch, settings.Epochs, batches.Count, index =>
        {
            using var scope = NewDisposeScope(); // frees every tensor of this step
            var batch = Batch.Create(train, batches[index]);
            var labels = tensor(batch.Labels);
            optimizer.zero_grad();
            var logits = TorchScoring.Forward(model, batch);
            var loss = nn.functional.cross_entropy(logits, labels);
            loss.backward();
            if (settings.ClipNorm > 0)
                nn.utils.clip_grad_norm_(model.parameters(), settings.ClipNorm);
            optimizer.step();
            lossSum += loss.item<float>() * batch.Count;
            correct += logits.argmax(1).eq(labels).sum().item<long>();
            seen += batch.Count;
            return new BatchStatus(lossSum / seen, (double)correct / seen);
        });
        return (lossSum / seen, (double)correct / seen);
    }

    private static Dictionary<string, Tensor> Snapshot(SentimentModel model) =>
        model.state_dict().ToDictionary(entry => entry.Key, entry => entry.Value.detach().clone().DetachFromDisposeScope());

    private static void Release(Dictionary<string, Tensor>? state)
    {
        if (state is null)
            return;
        foreach (var tensor in state.Values)
            tensor.Dispose();
        state.Clear();
    }
}
