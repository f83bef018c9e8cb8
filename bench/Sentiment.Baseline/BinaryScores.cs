namespace Sentiment.Baseline;

/// <summary>Accuracy and macro-F1 (the mean of both classes' F1) of binary predictions.</summary>
readonly record struct BinaryScores(int Rows, double Accuracy, double MacroF1)
{
    public static BinaryScores Compute(IReadOnlyList<bool> truth, IReadOnlyList<bool> predicted)
    {
        int tp = 0, tn = 0, fp = 0, fn = 0;
        for (int i = 0; i < truth.Count; i++)
        {
            if (truth[i]) { if (predicted[i]) tp++; else fn++; }
            else { if (predicted[i]) fp++; else tn++; }
        }
        double accuracy = (double)(tp + tn) / truth.Count;
        return new BinaryScores(truth.Count, accuracy, (F1(tp, fp, fn) + F1(tn, fn, fp)) / 2);
    }

    // F1 = 2TP / (2TP + FP + FN); 0 for a class never seen nor predicted, as scikit-learn's zero_division=0.
    static double F1(int tp, int fp, int fn) => tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
}
