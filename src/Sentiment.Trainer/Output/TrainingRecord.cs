using Sentiment.Core;
using System.Text.Json.Nodes;
using Sentiment.Trainer.Training;

namespace Sentiment.Trainer.Output;

/// <summary>The free-form <c>training</c> section of model.json: every setting, the seed and what happened.</summary>
internal static class TrainingRecord
{
    public static JsonObject Create(TrainOptions options, TrainingHistory history, double seconds)
    {
        var settings = options.Training;
        return new JsonObject
        {
            ["data"] = new JsonArray([.. options.Data.Select(ShortName)]),
            ["validation"] = options.Valid is null
                ? $"{settings.Seed}-seeded {options.ValidFraction:0.###} of data"
                : new JsonArray([.. options.Valid.Select(ShortName)]),
            ["test"] = options.Test is null ? null : new JsonArray([.. options.Test.Select(ShortName)]),
            ["normalization"] = options.Tokenizer.Normalization,
            ["calibration"] = options.Calibrate ? "temperature" : "none",
            ["pretraining"] = options.Pretraining is not { } pretraining ? null : new JsonObject
            {
                ["method"] = "skip-gram with negative sampling",
                ["data"] = new JsonArray([.. pretraining.Files.Select(ShortName)]),
                ["window"] = pretraining.Settings.Window,
                ["negatives"] = pretraining.Settings.Negatives,
                ["epochs"] = pretraining.Settings.Epochs,
                ["learningRate"] = pretraining.Settings.LearningRate,
                ["subsample"] = pretraining.Settings.Subsample,
            },
            ["textColumn"] = options.Columns.Text,
            ["labelColumn"] = options.Columns.Label,
            ["labelFilter"] = options.Labels is null ? null : new JsonArray([.. options.Labels.Select(l => (JsonNode?)l)]),
            ["embeddingDim"] = options.EmbeddingDim,
            ["lstmUnits"] = options.LstmUnits,
            ["dropout"] = settings.Dropout,
            ["featureDropout"] = options.FeatureDropout,
            ["optimizer"] = "adam",
            ["learningRate"] = settings.LearningRate,
            ["learningRateDecay"] = settings.LearningRateDecay,
            ["clipNorm"] = settings.ClipNorm,
            ["batchSize"] = settings.BatchSize,
            ["epochs"] = settings.Epochs,
            ["patience"] = settings.Patience,
            ["selectBy"] = settings.SelectBy,
            ["seed"] = settings.Seed,
            ["threads"] = settings.Threads,
            ["epochsRun"] = history.Epochs.Count,
            ["bestEpoch"] = history.BestEpoch,
            ["seconds"] = Math.Round(seconds, 1),
            ["history"] = new JsonArray([.. history.Epochs.Select(Epoch)]),
        };
    }

    private static JsonNode Epoch(EpochResult e) => new JsonObject
    {
        ["epoch"] = e.Epoch,
        ["trainLoss"] = Math.Round(e.TrainLoss, 6),
        ["trainAccuracy"] = Math.Round(e.TrainAccuracy, 6),
        ["validationLoss"] = Math.Round(e.ValidationLoss, 6),
        ["validationAccuracy"] = Math.Round(e.ValidationAccuracy, 6),
        ["validationMacroF1"] = Math.Round(e.ValidationMacroF1, 6),
        ["seconds"] = Math.Round(e.Seconds, 1),
        ["learningRate"] = e.LearningRate,
    };

    // Folder and file name only ("sst2/train.csv"): informative, and no machine's absolute path.
    private static JsonNode ShortName(string path) => FileReport.NameOf(path);
}
