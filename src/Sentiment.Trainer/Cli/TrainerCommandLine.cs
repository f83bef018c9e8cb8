using System.CommandLine;

namespace Sentiment.Trainer.Cli;

/// <summary>The <c>sentiment-trainer</c> command line: train, evaluate, predict.</summary>
internal static class TrainerCommandLine
{
    public static RootCommand Create(TrainerConsole console) =>
        new("Trains the sentiment model (Embedding -> LSTM -> Dense) with TorchSharp, exports it to ONNX,"
            + " and evaluates or applies a model bundle through the same scorer the API uses.")
        {
            TrainCommand.Create(console),
            EvaluateCommand.Create(console),
            PredictCommand.Create(console),
        };
}
