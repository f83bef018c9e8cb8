using Sentiment.Inference;
using Sentiment.Trainer.Model;
using static TorchSharp.torch;

namespace Sentiment.Trainer.Training;

/// <summary>Scores a split with the TorchSharp model in eval mode.</summary>
internal static class TorchScoring
{
    /// <summary>Mean cross-entropy and the class probabilities, [rows, classes] row-major in split order.</summary>
    public static (double Loss, float[] Probabilities) Evaluate(SentimentModel model, EncodedSplit split, int batchSize)
    {
        int classes = model.Shape.Classes;
        var probabilities = new float[split.Count * classes];
        double lossSum = 0;
        model.eval();
        using var noGrad = no_grad();
        foreach (int[] rows in BatchOrder.ForScoring(split, batchSize))
        {
            using var scope = NewDisposeScope();
            var batch = Batch.Create(split, rows);
            var logits = Forward(model, batch);
            lossSum += nn.functional.cross_entropy(logits, tensor(batch.Labels), reduction: nn.Reduction.Sum).item<float>();
            float[] batchProbabilities = logits.softmax(1).data<float>().ToArray();
            for (int i = 0; i < rows.Length; i++)
                Array.Copy(batchProbabilities, i * classes, probabilities, rows[i] * classes, classes);
        }
        return (split.Count == 0 ? 0 : lossSum / split.Count, probabilities);
    }

    /// <summary>Logits of one batch; the caller owns the dispose scope.</summary>
    public static Tensor Forward(SentimentModel model, Batch batch) =>
        model.call(tensor(batch.Ids, [batch.Count, batch.Width]), tensor(batch.Lengths));

    /// <summary>The most probable class of each row (the first one on a tie).</summary>
    public static int[] ArgMax(float[] probabilities, int classes)
    {
        var predicted = new int[probabilities.Length / classes];
        for (int row = 0; row < predicted.Length; row++)
            predicted[row] = Prediction.ArgMax(probabilities.AsSpan(row * classes, classes));
        return predicted;
    }
}
