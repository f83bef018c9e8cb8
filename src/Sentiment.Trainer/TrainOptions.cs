using Sentiment.Core;
using Sentiment.Trainer.Data;
using Sentiment.Trainer.Pretraining;
using Sentiment.Trainer.Training;

namespace Sentiment.Trainer;

/// <summary>Everything <c>train</c> was asked to do; the defaults live in <c>TrainCommand</c> only.</summary>
/// <param name="Version">Model version; null gives <see cref="LocalVersion"/> of the creation time.</param>
/// <param name="Overwrite">Replace the files of an earlier bundle in <paramref name="Output"/>.</param>
/// <param name="Calibrate">Fit a softmax temperature on the validation files and put it in the graph.</param>
/// <param name="Language">ISO 639-1 code written into model.json.</param>
/// <param name="WarnBelow">Known words / words below which the service warns of low coverage (model.json's coverage.warnBelow).</param>
/// <param name="Pretraining">Skip-gram word vectors to start the embedding from, or null to start from random values.</param>
internal sealed record TrainOptions(
    IReadOnlyList<string> Data,
    IReadOnlyList<string>? Valid,
    double ValidFraction,
    IReadOnlyList<string>? Test,
    DataColumns Columns,
    TokenizerSettings Tokenizer,
    int EmbeddingDim,
    int LstmUnits,
    TrainingSettings Training,
    IReadOnlyList<string>? Labels,
    string Name,
    string? Version,
    string Output,
    bool Overwrite,
    bool Calibrate,
    PretrainingOptions? Pretraining,
    double WarnBelow,
    string Language = ModelManifest.DefaultLanguage)
{
    /// <summary>Train a bidirectional LSTM.</summary>
    public bool Bidirectional { get; init; }

    /// <summary>What the dense layer reads.</summary>
    public StatePooling Pooling { get; init; } = StatePooling.Last;

    /// <summary>Share of the dense layer's inputs dropped in training; 0 leaves the layer out.</summary>
    public double FeatureDropout { get; init; }

    /// <summary>
    /// The version of a bundle trained without <c>--version</c>: a semver pre-release of 0.0.0 named
    /// by its UTC creation time (<c>0.0.0-local.20261204T183000Z</c>), so <c>X-Model-Version</c>
    /// never mistakes a fresh local model for a released one, and later runs sort later.
    /// </summary>
    public static string LocalVersion(DateTimeOffset created) =>
        $"0.0.0-local.{created.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}";
}

/// <summary>Unlabelled text for the word vectors, and how to learn them.</summary>
/// <param name="Files">CSV files with the text column; their words also count when the vocabulary is chosen.</param>
internal sealed record PretrainingOptions(IReadOnlyList<string> Files, SkipGramSettings Settings);
