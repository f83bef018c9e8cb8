using Sentiment.Core;
using Sentiment.Inference;
using Sentiment.Trainer.Data;

namespace Sentiment.Trainer.Evaluation;

/// <summary>Scores labelled rows through the exported bundle with the API's scorer, so figures match serving.</summary>
internal static class BundleEvaluation
{
    public static ReportInfo Evaluate(SentimentScorer scorer, LabeledRows rows)
    {
        var labels = scorer.Bundle.Labels;
        TrainingData.CheckLabels(rows, labels);
        Prediction[] predictions = scorer.Predict([.. rows.Rows.Select(row => row.Text)]);
        int[] truth = [.. rows.Rows.Select(row => LabelIndex.Of(labels, row.Label))];
        int[] predicted = [.. predictions.Select(prediction => prediction.LabelIndex)];
        return ClassificationReport.Compute(truth, predicted, labels);
    }
}
