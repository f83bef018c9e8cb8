using System.Globalization;
using System.Text;

namespace Sentiment.Core;

/// <summary>Accuracy, macro-F1, per-class scores and the confusion matrix of a labelled evaluation.</summary>
public static class ClassificationReport
{
    /// <summary>The predicted index of a row the model could not read.</summary>
    public const int Unknown = -1;

    /// <summary>
    /// Scores <paramref name="predicted"/> against <paramref name="truth"/> (label indices into
    /// <paramref name="labels"/>). A score whose denominator is zero counts as 0, as in scikit-learn.
    /// A prediction of <see cref="Unknown"/> (no known word, no answer) is wrong for every label.
    /// </summary>
    public static ReportInfo Compute(int[] truth, int[] predicted, IReadOnlyList<string> labels)
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentNullException.ThrowIfNull(labels);
        if (truth.Length != predicted.Length)
            throw new ArgumentException($"{truth.Length} true labels but {predicted.Length} predictions.");
        int classes = labels.Count;
        var confusion = new int[classes][];
        for (int c = 0; c < classes; c++)
            confusion[c] = new int[classes];
        var support = new int[classes];
        int unknown = 0;
        for (int i = 0; i < truth.Length; i++)
        {
            if ((uint)truth[i] >= classes || ((uint)predicted[i] >= classes && predicted[i] != Unknown))
                throw new ArgumentOutOfRangeException(nameof(truth), $"Row {i} has a label index outside 0..{classes - 1}.");
            support[truth[i]]++;
            if (predicted[i] == Unknown)
                unknown++;
            else
                confusion[truth[i]][predicted[i]]++;
        }
        var perClass = new ClassScore[classes];
        int correct = 0;
        for (int c = 0; c < classes; c++)
        {
            int hits = confusion[c][c], predictedAs = confusion.Sum(row => row[c]);
            correct += hits;
            double precision = Ratio(hits, predictedAs), recall = Ratio(hits, support[c]);
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            perClass[c] = new ClassScore(labels[c], precision, recall, f1, support[c]);
        }
        return new ReportInfo(truth.Length, Ratio(correct, truth.Length),
            classes == 0 ? 0 : perClass.Average(score => score.F1), perClass, confusion, unknown);
    }

    /// <summary>The report as aligned plain-text tables: summary, per-class scores, confusion matrix.</summary>
    public static string Format(ReportInfo report, string title)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture,
            $"{title}: {report.Rows} rows, accuracy {report.Accuracy * 100:F2}%, macro-F1 {report.MacroF1:F4}");
        if (report.Unknown > 0)
            text.Append(CultureInfo.InvariantCulture, $", {report.Unknown} unknown (no known word, counted wrong)");
        if (report.CalibrationError is { } error)
            text.Append(CultureInfo.InvariantCulture, $", calibration error {error:F4}");
        if (report.UncalibratedError is { } before)
            text.Append(CultureInfo.InvariantCulture, $" ({before:F4} before the temperature)");
        if (report.RocAuc is { } auc)
            text.Append(CultureInfo.InvariantCulture, $", ROC-AUC {auc:F4}");
        text.Append("\n\n");
        string[] labels = report.PerClass.Select(score => score.Label).ToArray();
        List<string[]> scores = [["label", "precision", "recall", "f1", "support"]];
        scores.AddRange(report.PerClass.Select(s =>
            new[] { s.Label, Number(s.Precision), Number(s.Recall), Number(s.F1), s.Support.ToString(CultureInfo.InvariantCulture) }));
        AppendTable(text, scores);
        text.Append('\n');
        List<string[]> confusion = [["true \\ predicted", .. labels]];
        confusion.AddRange(report.Confusion.Select((row, i) =>
            (string[])[labels[i], .. row.Select(count => count.ToString(CultureInfo.InvariantCulture))]));
        AppendTable(text, confusion);
        return text.ToString();
    }

    private static double Ratio(int part, int whole) => whole == 0 ? 0 : (double)part / whole;

    private static string Number(double value) => value.ToString("F4", CultureInfo.InvariantCulture);

    // First column left-aligned (names), the others right-aligned (numbers).
    private static void AppendTable(StringBuilder text, List<string[]> rows)
    {
        int[] widths = Enumerable.Range(0, rows[0].Length).Select(c => rows.Max(row => row[c].Length)).ToArray();
        foreach (string[] row in rows)
        {
            text.Append("  ").Append(row[0].PadRight(widths[0]));
            for (int c = 1; c < row.Length; c++)
                text.Append("  ").Append(row[c].PadLeft(widths[c]));
            text.Append('\n');
        }
    }
}
