using Sentiment.Core;
using Sentiment.Trainer.Data;
using Sentiment.Trainer.Training;

namespace Sentiment.Trainer;

/// <summary>Everything <c>train</c> was asked to do.</summary>
internal sealed record TrainOptions(
    IReadOnlyList<string> Data,
    string Output,
    IReadOnlyList<string>? Valid = null,
    double ValidFraction = 0.1,
    string? Test = null,
    DataColumns? Columns = null,
    TokenizerSettings? Tokenizer = null,
    int EmbeddingDim = 128,
    int LstmUnits = 196,
    TrainingSettings? Training = null,
    IReadOnlyList<string>? Labels = null,
    string Name = "sentiment-lstm",
    string Version = "1.0.0")
{
    public DataColumns ColumnsOrDefault => Columns ?? new DataColumns();
    public TokenizerSettings TokenizerOrDefault => Tokenizer ?? new TokenizerSettings();
    public TrainingSettings TrainingOrDefault => Training ?? new TrainingSettings();
}
