using ScottPlot;
using Sentiment.Core;

namespace Sentiment.Trainer.Output;

/// <summary>
/// Accuracy against confidence in <see cref="Calibration.Bins"/> bins on the validation files, before
/// and after the temperature: a calibrated model's points lie on the diagonal.
/// </summary>
internal static class ReliabilityDiagram
{
    public const string FileName = "reliability.png";

    public static void Save(string path, IReadOnlyList<ReliabilityBin> before, IReadOnlyList<ReliabilityBin> after, double temperature)
    {
        using var plot = new Plot();
        var diagonal = plot.Add.Line(0, 0, 1, 1);
        diagonal.Color = Colors.Gray;
        diagonal.LinePattern = LinePattern.Dotted;
        diagonal.LegendText = "perfect calibration";
        Points(plot, before, $"before (ECE {Calibration.ExpectedError(before):F3})", Colors.Orange);
        Points(plot, after, $"after, T = {temperature:F3} (ECE {Calibration.ExpectedError(after):F3})", Colors.Blue);
        plot.Title("Reliability on the validation files (15 bins, top label)");
        plot.Axes.Bottom.Label.Text = "mean confidence in the bin";
        plot.Axes.Left.Label.Text = "accuracy in the bin";
        plot.Axes.SetLimits(0, 1, 0, 1);
        plot.ShowLegend(Alignment.UpperLeft);
        plot.SavePng(path, 700, 640);
    }

    // Empty bins are left out; a point's size does not vary, its row count is in the ECE weights.
    private static void Points(Plot plot, IReadOnlyList<ReliabilityBin> bins, string name, Color color)
    {
        var used = bins.Where(bin => bin.Rows > 0).ToArray();
        var points = plot.Add.Scatter(used.Select(bin => bin.Confidence).ToArray(), used.Select(bin => bin.Accuracy).ToArray());
        points.LegendText = name;
        points.Color = color;
        points.MarkerSize = 8;
    }
}
