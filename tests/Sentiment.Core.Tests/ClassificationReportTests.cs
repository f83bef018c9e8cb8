using Sentiment.Core;

namespace Sentiment.Core.Tests;

public class ClassificationReportTests
{
    private static readonly string[] Labels = ["negative", "neutral", "positive"];

    [Fact]
    public void Compute_ThreeClasses_MatchesHandCount()
    {
        int[] truth = [0, 0, 0, 1, 1, 2, 2, 2];
        int[] predicted = [0, 0, 2, 1, 0, 2, 2, 1];

        var report = ClassificationReport.Compute(truth, predicted, Labels);

        Assert.Equal(8, report.Rows);
        Assert.Equal(5.0 / 8, report.Accuracy, 12);
        Assert.Equal([[2, 0, 1], [1, 1, 0], [0, 1, 2]], report.Confusion);
        var negative = report.PerClass[0];
        Assert.Equal(("negative", 2.0 / 3, 2.0 / 3, 3), (negative.Label, negative.Precision, negative.Recall, negative.Support));
        var neutral = report.PerClass[1];
        Assert.Equal(0.5, neutral.Precision, 12);
        Assert.Equal(0.5, neutral.Recall, 12);
        Assert.Equal(0.5, neutral.F1, 12);
        Assert.Equal((2.0 / 3 + 0.5 + 2.0 / 3) / 3, report.MacroF1, 12);
    }

    [Fact]
    public void Compute_ClassNeverPredicted_ScoresZeroNotNaN()
    {
        var report = ClassificationReport.Compute([0, 1], [0, 0], ["negative", "positive"]);

        Assert.Equal(0, report.PerClass[1].Precision);
        Assert.Equal(0, report.PerClass[1].F1);
        Assert.False(double.IsNaN(report.MacroF1));
    }

    [Fact]
    public void Compute_LengthMismatch_Throws()
    {
        Assert.Throws<ArgumentException>(() => ClassificationReport.Compute([0, 1], [0], ["a", "b"]));
    }

    [Fact]
    public void Format_PrintsSummaryScoresAndConfusion()
    {
        var report = ClassificationReport.Compute([0, 1, 1], [0, 1, 0], ["negative", "positive"]);

        string text = ClassificationReport.Format(report, "test");

        Assert.StartsWith("test: 3 rows, accuracy 66.67%, macro-F1 0.6667", text);
        Assert.Contains("  negative     0.5000  1.0000  0.6667        1", text);
        Assert.Contains("  true \\ predicted  negative  positive", text);
        Assert.Contains("  positive                 1         1", text);
    }
}
