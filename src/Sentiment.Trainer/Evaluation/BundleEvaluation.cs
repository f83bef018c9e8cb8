using Sentiment.Core;
using Sentiment.Inference;
using Sentiment.Trainer.Data;

namespace Sentiment.Trainer.Evaluation;

/// <summary>
/// Scores labelled rows through the exported bundle with the API's scorer, so figures match serving:
/// a text with no known word is answered <c>unknown</c> and counts as wrong, and the calibration
/// error is measured on the probabilities the service returns.
/// </summary>
internal static class BundleEvaluation
{
    /// <summary>The report on every label, and on the file's own labels when the model has more.</summary>
    public static FileReport Evaluate(SentimentScorer scorer, LabeledRows rows, string file, string role)
    {
        var labels = scorer.Bundle.Labels;
        TrainingData.CheckLabels(rows, labels);
        Prediction[] predictions = scorer.Predict([.. rows.Rows.Select(row => row.Text)]);
        int[] truth = [.. rows.Rows.Select(row => LabelIndex.Of(labels, row.Label))];
        double temperature = scorer.Bundle.Manifest.Temperature;
        var report = Report(predictions, truth, labels, [.. Enumerable.Range(0, labels.Count)], temperature);
        int[] used = [.. truth.Distinct().Order()];
        var restricted = used.Length >= 2 && used.Length < labels.Count
            ? Report(predictions, truth, labels, used, temperature)
            : null;
        return new FileReport(FileReport.NameOf(file), role, report, restricted);
    }

    /// <summary>The report on every label of the model.</summary>
    public static ReportInfo Evaluate(SentimentScorer scorer, LabeledRows rows) =>
        Evaluate(scorer, rows, "rows", "evaluation").Report;

    // Scores on the label columns given: probabilities renormalised over them, argmax among them.
    private static ReportInfo Report(Prediction[] predictions, int[] truth, IReadOnlyList<string> labels, int[] columns,
        double temperature)
    {
        int k = columns.Length;
        var predicted = new int[truth.Length];
        var served = new List<float>(truth.Length * k);
        var uncalibrated = new List<float>(truth.Length * k);
        var knownTruth = new List<int>(truth.Length);
        var secondScore = new double[truth.Length];
        for (int i = 0; i < truth.Length; i++)
        {
            var prediction = predictions[i];
            if (prediction.IsUnknown)
            {
                predicted[i] = ClassificationReport.Unknown;
                secondScore[i] = 0.5;
                continue;
            }
            float[] row = Restrict(prediction.Probabilities, columns);
            secondScore[i] = k == 2 ? row[1] : 0;
            predicted[i] = Prediction.ArgMax(row);
            served.AddRange(row);
            if (temperature != 1)
                uncalibrated.AddRange(Restrict(Calibration.Apply(prediction.Probabilities, labels.Count, 1 / temperature), columns));
            knownTruth.Add(Array.IndexOf(columns, truth[i]));
        }
        int[] mappedTruth = [.. truth.Select(t => Array.IndexOf(columns, t))];
        var report = ClassificationReport.Compute(mappedTruth, predicted, [.. columns.Select(c => labels[c])]);
        return report with
        {
            CalibrationError = Calibration.ExpectedError(served.ToArray(), knownTruth),
            UncalibratedError = temperature == 1 ? null : Calibration.ExpectedError(uncalibrated.ToArray(), knownTruth),
            RocAuc = k == 2 ? RocAuc.Compute(secondScore, [.. mappedTruth.Select(t => t == 1)]) : null,
        };
    }

    private static float[] Restrict(float[] probabilities, int[] columns)
    {
        var row = new float[columns.Length];
        float sum = 0;
        for (int c = 0; c < columns.Length; c++)
            sum += row[c] = probabilities[columns[c]];
        for (int c = 0; c < columns.Length; c++)
            row[c] = sum > 0 ? row[c] / sum : 1f / columns.Length;
        return row;
    }
}
