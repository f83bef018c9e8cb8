using System.CommandLine;

namespace Sentiment.Trainer.Cli;

/// <summary>The <c>sentiment-trainer</c> command line: train, evaluate, predict, import.</summary>
internal static class TrainerCommandLine
{
    public static RootCommand Create(TrainerConsole console) =>
        new("Trains the sentiment model (Embedding -> LSTM -> Dense) with TorchSharp, exports it to ONNX,"
            + " evaluates or applies a model bundle through the same scorer the API uses, and imports models trained elsewhere.")
        {
            TrainCommand.Create(console),
            EvaluateCommand.Create(console),
            PredictCommand.Create(console),
            ImportCommand.Create(console),
        };
}
