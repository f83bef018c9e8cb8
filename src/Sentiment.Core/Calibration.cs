namespace Sentiment.Core;

/// <summary>
/// How far a model's confidence is from its accuracy, and the one-number fix for it: a temperature
/// <c>T</c> that divides the logits before the softmax (Guo et al. 2017, "On Calibration of Modern
/// Neural Networks"). <c>T</c> &gt; 1 softens over-confident answers and never changes the argmax.
/// </summary>
public static class Calibration
{
    /// <summary>Bins of the reliability diagram and of the expected calibration error.</summary>
    public const int Bins = 15;

    /// <summary>
    /// Expected calibration error on the top label: rows are put in <see cref="Bins"/> equal-width bins
    /// of confidence (0, 1/15], (1/15, 2/15], …; the error is the row-weighted mean of
    /// |accuracy − mean confidence| over the bins.
    /// </summary>
    /// <param name="probabilities">Row-major [rows, classes] probabilities.</param>
    /// <param name="truth">The true class of each row.</param>
    public static double ExpectedError(ReadOnlySpan<float> probabilities, IReadOnlyList<int> truth) =>
        ExpectedError(Reliability(probabilities, truth));

    /// <summary>The error of bins made by <see cref="Reliability"/>.</summary>
    public static double ExpectedError(IReadOnlyList<ReliabilityBin> bins)
    {
        ArgumentNullException.ThrowIfNull(bins);
        int rows = bins.Sum(bin => bin.Rows);
        return rows == 0 ? 0 : bins.Sum(bin => bin.Rows * Math.Abs(bin.Accuracy - bin.Confidence)) / rows;
    }

    /// <summary>Rows, accuracy and mean confidence per confidence bin (the reliability diagram).</summary>
    public static IReadOnlyList<ReliabilityBin> Reliability(ReadOnlySpan<float> probabilities, IReadOnlyList<int> truth)
    {
        ArgumentNullException.ThrowIfNull(truth);
        int classes = ClassesOf(probabilities, truth.Count);
        var rows = new int[Bins];
        var correct = new int[Bins];
        var confidence = new double[Bins];
        for (int r = 0; r < truth.Count; r++)
        {
            var row = probabilities.Slice(r * classes, classes);
            int top = 0;
            for (int c = 1; c < classes; c++)
            {
                if (row[c] > row[top])
                    top = c;
            }
            int bin = Math.Clamp((int)Math.Ceiling(row[top] * Bins) - 1, 0, Bins - 1);
            rows[bin]++;
            confidence[bin] += row[top];
            if (top == truth[r])
                correct[bin]++;
        }
        return [.. Enumerable.Range(0, Bins).Select(b => new ReliabilityBin(
            (double)b / Bins, (double)(b + 1) / Bins, rows[b],
            rows[b] == 0 ? 0 : (double)correct[b] / rows[b],
            rows[b] == 0 ? 0 : confidence[b] / rows[b]))];
    }

    /// <summary>
    /// The temperature that minimises the mean negative log-likelihood of <paramref name="truth"/>
    /// under softmax(log p / T), found by golden-section search on log T in [1/20, 20]. Taking log p
    /// as the logits is exact: a softmax output determines its logits up to a constant per row, which
    /// the softmax ignores.
    /// </summary>
    public static double FitTemperature(ReadOnlySpan<float> probabilities, IReadOnlyList<int> truth)
    {
        ArgumentNullException.ThrowIfNull(truth);
        int classes = ClassesOf(probabilities, truth.Count);
        if (truth.Count == 0)
            throw new ArgumentException("No rows to fit a temperature on.");
        var logits = new double[probabilities.Length];
        for (int i = 0; i < logits.Length; i++)
            logits[i] = Math.Log(Math.Max(probabilities[i], 1e-30f));
        double Loss(double logT) => NegativeLogLikelihood(logits, classes, truth, Math.Exp(logT));
        const double Ratio = 0.6180339887498949;
        double a = Math.Log(1.0 / 20), b = Math.Log(20);
        double c = b - Ratio * (b - a), d = a + Ratio * (b - a), fc = Loss(c), fd = Loss(d);
        for (int step = 0; step < 80; step++)
        {
            if (fc < fd)
            {
                (b, d, fd) = (d, c, fc);
                c = b - Ratio * (b - a);
                fc = Loss(c);
            }
            else
            {
                (a, c, fc) = (c, d, fd);
                d = a + Ratio * (b - a);
                fd = Loss(d);
            }
        }
        return Math.Exp((a + b) / 2);
    }

    /// <summary>softmax(log p / T) of every row, the calibrated probabilities the graph will output.</summary>
    public static float[] Apply(ReadOnlySpan<float> probabilities, int classes, double temperature)
    {
        var logits = new double[probabilities.Length];
        for (int i = 0; i < logits.Length; i++)
            logits[i] = Math.Log(Math.Max(probabilities[i], 1e-30f)) / temperature;
        var result = new float[probabilities.Length];
        for (int start = 0; start < logits.Length; start += classes)
        {
            var row = logits.AsSpan(start, classes);
            double max = row[0];
            foreach (double logit in row)
                max = Math.Max(max, logit);
            double sum = 0;
            foreach (double logit in row)
                sum += Math.Exp(logit - max);
            for (int c = 0; c < classes; c++)
                result[start + c] = (float)(Math.Exp(row[c] - max) / sum);
        }
        return result;
    }

    private static double NegativeLogLikelihood(double[] logits, int classes, IReadOnlyList<int> truth, double temperature)
    {
        double total = 0;
        for (int r = 0; r < truth.Count; r++)
        {
            int start = r * classes;
            double max = double.NegativeInfinity;
            for (int c = 0; c < classes; c++)
                max = Math.Max(max, logits[start + c] / temperature);
            double sum = 0;
            for (int c = 0; c < classes; c++)
                sum += Math.Exp(logits[start + c] / temperature - max);
            total -= logits[start + truth[r]] / temperature - max - Math.Log(sum);
        }
        return total / truth.Count;
    }

    private static int ClassesOf(ReadOnlySpan<float> probabilities, int rows)
    {
        if (rows == 0)
            return Math.Max(1, probabilities.Length);
        if (probabilities.Length % rows != 0 || probabilities.Length / rows < 2)
            throw new ArgumentException($"{probabilities.Length} probabilities do not make {rows} rows of two or more classes.");
        return probabilities.Length / rows;
    }
}

/// <summary>One bin of a reliability diagram.</summary>
/// <param name="From">Lower confidence bound (exclusive, except for the first bin).</param>
/// <param name="To">Upper confidence bound (inclusive).</param>
/// <param name="Rows">Rows whose top-label confidence falls in the bin.</param>
/// <param name="Accuracy">Share of those rows whose top label is right.</param>
/// <param name="Confidence">Their mean top-label confidence.</param>
public sealed record ReliabilityBin(double From, double To, int Rows, double Accuracy, double Confidence);
