namespace Sentiment.Core;

/// <summary>The area under the ROC curve of a binary classifier's scores.</summary>
public static class RocAuc
{
    /// <summary>
    /// The probability that a random positive row scores above a random negative one, ties counting
    /// half (the Mann-Whitney statistic, equal to the trapezoidal area under the ROC curve); null when
    /// one of the two classes has no row.
    /// </summary>
    public static double? Compute(IReadOnlyList<double> scores, IReadOnlyList<bool> positive)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(positive);
        if (scores.Count != positive.Count)
            throw new ArgumentException($"{scores.Count} scores but {positive.Count} labels.");
        int[] order = [.. Enumerable.Range(0, scores.Count).OrderBy(i => scores[i])];
        double positiveRankSum = 0;
        long positives = 0;
        for (int start = 0; start < order.Length;)
        {
            int end = start;
            while (end < order.Length && scores[order[end]] == scores[order[start]])
                end++;
            double rank = (start + 1 + end) / 2.0; // the mean of the 1-based ranks start+1..end
            for (int i = start; i < end; i++)
            {
                if (positive[order[i]])
                {
                    positiveRankSum += rank;
                    positives++;
                }
            }
            start = end;
        }
        long negatives = scores.Count - positives;
        if (positives == 0 || negatives == 0)
            return null;
        return (positiveRankSum - positives * (positives + 1) / 2.0) / ((double)positives * negatives);
    }
}
