using System.CommandLine;
using System.Text.Json;
using Sentiment.Inference;
using Sentiment.Trainer.Data;
using Sentiment.Trainer.Evaluation;
using static Sentiment.Trainer.Cli.Options;

namespace Sentiment.Trainer.Cli;

/// <summary><c>evaluate</c>: scores a labelled CSV through the bundle, as the API would, and prints the report.</summary>
internal static class EvaluateCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Command Create(TrainerConsole console)
    {
        var model = Required("--model", "Model bundle folder (model.json, sentiment.onnx, vocab.json).");
        var data = Required("--data", "Labelled CSV file to score.");
        var textColumn = TextColumn();
        var labelColumn = LabelColumn();
        var json = WithDefault("--json", "Print the report as JSON.", false);
        var threads = Threads();
        var command = new Command("evaluate", "Score a labelled CSV with a model bundle and print accuracy, macro-F1, per-class scores and the confusion matrix.")
        {
            model, data, textColumn, labelColumn, json, threads,
        };
        command.SetAction(result => CommandRunner.Run(console, () =>
        {
            var bundle = ModelBundle.Load(result.GetRequiredValue(model));
            using var scorer = new SentimentScorer(bundle, new ScorerOptions { IntraOpNumThreads = result.GetValue(threads) });
            string file = result.GetRequiredValue(data);
            var columns = new DataColumns(result.GetRequiredValue(textColumn), result.GetRequiredValue(labelColumn));
            var rows = new DataReader(columns, console.Warn).Read([file]).NotEmpty(file, "no rows to score");
            var report = BundleEvaluation.Evaluate(scorer, rows, file, "evaluation");
            if (result.GetValue(json))
            {
                // The manifest's report shape, plus where it came from and what was skipped.
                var node = JsonSerializer.SerializeToNode(report.Report, Json)!.AsObject();
                node.Insert(0, "data", file);
                node.Insert(1, "skipped", rows.Skipped);
                if (report.Restricted is not null)
                    node["restricted"] = JsonSerializer.SerializeToNode(report.Restricted, Json);
                console.Info(node.ToJsonString(Json));
            }
            else
            {
                console.Report(report.Report, $"{file} ({rows.Skipped} skipped)");
                if (report.Restricted is not null)
                    console.Report(report.Restricted, $"{file}, on its own labels only ({string.Join(" vs ", report.Restricted.PerClass.Select(c => c.Label))})");
            }
        }));
        return command;
    }
}
