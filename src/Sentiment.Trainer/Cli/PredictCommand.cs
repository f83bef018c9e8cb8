using System.CommandLine;
using Sentiment.Inference;
using Sentiment.Trainer.Evaluation;
using static Sentiment.Trainer.Cli.Options;

namespace Sentiment.Trainer.Cli;

/// <summary><c>predict</c>: adds the predicted label and per-class probabilities to every row of a CSV.</summary>
internal static class PredictCommand
{
    public static Command Create(TrainerConsole console)
    {
        var model = Required("--model", "Model bundle folder (model.json, sentiment.onnx, vocab.json).");
        var input = Required("--input", "CSV file to score (any size; read as a stream).");
        var output = Required("--output", "CSV file to write: the input columns, predicted_label and p_<label> per class.");
        var textColumn = TextColumn();
        var batchSize = AtLeast("--batch-size", "Texts scored per ONNX Runtime call.", 64, 1);
        var threads = Threads();
        var command = new Command("predict", "Score every row of a CSV with a model bundle.")
        {
            model, input, output, textColumn, batchSize, threads,
        };
        command.SetAction(result => CommandRunner.Run(console, () =>
        {
            var bundle = ModelBundle.Load(result.GetRequiredValue(model));
            var options = new ScorerOptions { IntraOpNumThreads = result.GetValue(threads), MaxBatchSize = result.GetValue(batchSize) };
            using var scorer = new SentimentScorer(bundle, options);
            var run = new CsvPrediction(scorer, result.GetRequiredValue(textColumn), result.GetValue(batchSize), console.Warn);
            string inputFile = result.GetRequiredValue(input), outputFile = result.GetRequiredValue(output);
            var (scored, empty) = console.Interactive
                ? WorkProgress.Live($"scoring {Path.GetFileName(inputFile)}", report => run.Score(inputFile, outputFile, report))
                : WorkProgress.Plain(console, $"scoring {inputFile}", report => run.Score(inputFile, outputFile, report));
            console.Info($"Scored {scored} rows into {outputFile}"
                + (empty > 0 ? $"; {empty} row(s) with empty text written without a prediction." : "."));
        }));
        return command;
    }
}
