using Sentiment.Core;
using Xunit;

namespace Sentiment.Core.Tests;

public class CalibrationTests
{
    [Fact]
    public void ExpectedError_OfAPerfectlyCalibratedSet_IsZero()
    {
        // Four rows at confidence 0.75, three of them right.
        float[] p = [0.75f, 0.25f, 0.75f, 0.25f, 0.75f, 0.25f, 0.25f, 0.75f];
        Assert.Equal(0, Calibration.ExpectedError(p, [0, 0, 0, 0]), 6);
    }

    [Fact]
    public void ExpectedError_WeighsEachBinByItsRows()
    {
        // Bin (0.933, 1]: two rows at 0.95, one right → |0.5 − 0.95| = 0.45; bin (0.6, 0.667]: one row at 0.65, right → 0.35.
        float[] p = [0.95f, 0.05f, 0.05f, 0.95f, 0.65f, 0.35f];
        Assert.Equal((2 * 0.45 + 0.35) / 3, Calibration.ExpectedError(p, [0, 0, 0]), 5);
        var bins = Calibration.Reliability(p, [0, 0, 0]);
        Assert.Equal(15, bins.Count);
        Assert.Equal(2, bins[14].Rows);
        Assert.Equal(1, bins[9].Rows);
        Assert.Equal(0.5, bins[14].Accuracy, 6);
    }

    [Fact]
    public void FitTemperature_SoftensAnOverConfidentModel_AndRecoversTheTrueTemperature()
    {
        // Rows drawn so that softmax(z) is calibrated; the model reports softmax(3z).
        var random = new Random(7);
        int rows = 4000;
        var truth = new int[rows];
        var reported = new float[rows * 3];
        for (int r = 0; r < rows; r++)
        {
            double[] z = [random.NextDouble() * 2, random.NextDouble() * 2, random.NextDouble() * 2];
            double[] calibrated = Softmax(z, 1);
            double u = random.NextDouble();
            truth[r] = u < calibrated[0] ? 0 : u < calibrated[0] + calibrated[1] ? 1 : 2;
            double[] sharp = Softmax(z, 1.0 / 3);
            for (int c = 0; c < 3; c++)
                reported[r * 3 + c] = (float)sharp[c];
        }
        double temperature = Calibration.FitTemperature(reported, truth);
        Assert.InRange(temperature, 2.6, 3.4);
        float[] fixedUp = Calibration.Apply(reported, 3, temperature);
        Assert.True(Calibration.ExpectedError(fixedUp, truth) < Calibration.ExpectedError(reported, truth) / 3);
    }

    [Fact]
    public void Apply_KeepsTheArgmaxAndSumsToOne()
    {
        float[] p = [0.7f, 0.2f, 0.1f];
        float[] softer = Calibration.Apply(p, 3, 2.0);
        Assert.True(softer[0] > softer[1] && softer[1] > softer[2] && softer[0] < 0.7f);
        Assert.Equal(1, softer.Sum(), 5);
    }

    private static double[] Softmax(double[] z, double temperature)
    {
        double[] e = [.. z.Select(v => Math.Exp(v / temperature))];
        return [.. e.Select(v => v / e.Sum())];
    }
}

public class UnknownPredictionTests
{
    [Fact]
    public void AnUnknownAnswer_IsWrongForItsRow_AndCounted()
    {
        var report = ClassificationReport.Compute([0, 1, 1, 0], [0, 1, ClassificationReport.Unknown, 0], ["negative", "positive"]);
        Assert.Equal(0.75, report.Accuracy, 6);
        Assert.Equal(1, report.Unknown);
        Assert.Equal(2, report.PerClass[1].Support);
        Assert.Equal(0.5, report.PerClass[1].Recall, 6);
        Assert.Equal(1.0, report.PerClass[1].Precision, 6);
        Assert.Contains("1 unknown", ClassificationReport.Format(report, "t"));
    }
}
