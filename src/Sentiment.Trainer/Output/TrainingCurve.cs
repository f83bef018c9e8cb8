using ScottPlot;
using Sentiment.Trainer.Training;

namespace Sentiment.Trainer.Output;

/// <summary>Loss (left axis) and accuracy (right axis) per epoch, with the kept epoch marked.</summary>
internal static class TrainingCurve
{
    public const string FileName = "training-curve.png";

    public static void Save(string path, TrainingHistory history)
    {
        using var plot = new Plot();
        double[] epochs = [.. history.Epochs.Select(e => (double)e.Epoch)];
        Line(plot, epochs, history.Epochs.Select(e => e.TrainLoss), "train loss", Colors.Blue, accuracy: false);
        Line(plot, epochs, history.Epochs.Select(e => e.ValidationLoss), "validation loss", Colors.Orange, accuracy: false);
        Line(plot, epochs, history.Epochs.Select(e => e.TrainAccuracy), "train accuracy", Colors.Blue, accuracy: true);
        Line(plot, epochs, history.Epochs.Select(e => e.ValidationAccuracy), "validation accuracy", Colors.Orange, accuracy: true);
        var best = plot.Add.VerticalLine(history.BestEpoch);
        best.LineColor = Colors.Gray;
        best.LinePattern = LinePattern.Dotted;
        best.LegendText = $"kept epoch ({history.BestEpoch})";
        plot.Title("Training curve");
        plot.Axes.Bottom.Label.Text = "epoch";
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericFixedInterval(1);
        plot.Axes.Left.Label.Text = "loss (solid)";
        plot.Axes.Right.Label.Text = "accuracy (dashed)";
        plot.ShowLegend(Alignment.MiddleRight);
        plot.SavePng(path, 900, 540);
    }

    private static void Line(Plot plot, double[] epochs, IEnumerable<double> values, string name, Color color, bool accuracy)
    {
        var line = plot.Add.Scatter(epochs, values.ToArray());
        line.LegendText = name;
        line.Color = color;
        if (accuracy)
        {
            line.LinePattern = LinePattern.Dashed;
            line.Axes.YAxis = plot.Axes.Right;
        }
    }
}
