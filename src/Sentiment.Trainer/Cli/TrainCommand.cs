using System.CommandLine;
using System.Text.Json;
using Sentiment.Core;
using Sentiment.Trainer.Data;
using Sentiment.Trainer.Pretraining;
using Sentiment.Trainer.Training;
using static Sentiment.Trainer.Cli.Options;

namespace Sentiment.Trainer.Cli;

/// <summary><c>train</c>: options and their defaults (the tutorial recipe).</summary>
internal static class TrainCommand
{
    // Core's tokenizer defaults (Keras' rules with the tutorial's sizes), not a copy of them.
    private static readonly TokenizerSettings TokenizerDefaults = new();

    // --pooling takes the names model.json uses ("last", "last-max-mean").
    private static readonly Dictionary<string, StatePooling> Poolings =
        Enum.GetValues<StatePooling>().ToDictionary(p => JsonSerializer.Serialize(p).Trim('"'));

    public static Command Create(TrainerConsole console)
    {
        var data = new Option<string[]>("--data")
        {
            Description = "Training CSV file(s); several are concatenated.",
            Required = true,
            AllowMultipleArgumentsPerToken = true,
        };
        var valid = new Option<string[]>("--valid")
        {
            Description = "Validation CSV file(s), concatenated; without it a stratified share of --data is held out.",
            AllowMultipleArgumentsPerToken = true,
        };
        var validFraction = Between("--valid-fraction", "Share of --data held out for validation when --valid is not given.", 0.1, 0.01, 0.9);
        var test = new Option<string[]>("--test")
        {
            Description = "Test CSV file(s), scored once at the end, each alone and all together.",
            AllowMultipleArgumentsPerToken = true,
        };
        var textColumn = TextColumn();
        var labelColumn = LabelColumn();
        var labels = Optional("--labels", "Comma-separated labels to keep, in output order (e.g. negative,positive); other rows are skipped.");
        var numWords = AtLeast("--num-words", "Vocabulary size including padding: the most frequent num-words - 1 words are kept.", TokenizerDefaults.NumWords, 2);
        var maxLen = AtLeast("--max-len", "Most words fed to the model per text; longer texts keep their last words.", TokenizerDefaults.MaxLength, 1);
        var oovToken = Optional("--oov-token", "Map unknown words to this token (id 1) instead of dropping them.");
        oovToken.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { Length: 0 })
                result.AddError("--oov-token must be a non-empty word.");
        });
        var normalization = Optional("--normalization",
            $"Rewrite text before the Keras tokenizer: {TextNormalizer.UserTextV1} (contractions, emoticons and emoji, stretched letters, HTML breaks)"
            + $" or {TextNormalizer.UserTextV2} (the same, plus each emoji's Unicode name); default none, as Keras.");
        normalization.Validators.Add(result =>
        {
            if (!TextNormalizer.IsKnown(result.GetValueOrDefault<string?>()))
                result.AddError($"--normalization must be {TextNormalizer.UserTextV1} or {TextNormalizer.UserTextV2}.");
        });
        var charLevel = WithDefault("--char-level", "Every character is a token (Keras' char_level=True): for languages written without spaces.", false);
        var charBigrams = WithDefault("--char-bigrams", "With --char-level: each pair of adjacent characters is a token too (about twice the tokens; raise --max-len).", false);
        var embeddingDim = AtLeast("--embedding-dim", "Embedding width.", 128, 1);
        var lstmUnits = AtLeast("--lstm-units", "LSTM hidden size.", 196, 1);
        var bidirectional = WithDefault("--bidirectional", "Read each text forwards and backwards (a bidirectional LSTM).", false);
        var pooling = WithDefault("--pooling", "Features of the dense layer: last (the last state) or last-max-mean"
            + " (the last state, then the max and the mean of every token's state).", "last");
        pooling.AcceptOnlyFromAmong([.. Poolings.Keys]);
        var featureDropout = Between("--feature-dropout", "Share of the dense layer's inputs dropped in training (0 = none).", 0, 0, 1);
        var dropout = Between("--dropout", "Share of embedding channels dropped per text in training.", 0.4, 0, 1);
        var epochs = AtLeast("--epochs", "Most training epochs.", 5, 1);
        var patience = AtLeast("--patience", "Stop after this many epochs without a better validation figure (--select-by).", 2, 1);
        var selectBy = WithDefault("--select-by", "The validation figure that picks the epoch kept and drives --patience:"
            + " loss (lowest) or accuracy (highest).", TrainingSettings.ByLoss);
        selectBy.AcceptOnlyFromAmong(TrainingSettings.ByLoss, TrainingSettings.ByAccuracy);
        var batchSize = AtLeast("--batch-size", "Texts per training step.", 32, 1);
        var learningRate = Between("--learning-rate", "Adam learning rate.", 0.001, 1e-7, 10);
        var learningRateDecay = Between("--lr-decay", "Multiply the learning rate by this after every epoch (1 = constant).", 1.0, 0.01, 1.000001);
        var clipNorm = Between("--clip-norm", "Clip the gradient norm of each step to this (0 = no clipping).", 0, 0, 1000);
        var calibration = WithDefault("--calibration",
            "temperature: fit a softmax temperature on the validation rows and apply it inside the graph; none: leave the probabilities as trained.", "temperature");
        calibration.AcceptOnlyFromAmong("temperature", "none");
        var pretrainData = new Option<string[]>("--pretrain-data")
        {
            Description = "Unlabelled CSV file(s) (the --text-column only): learn skip-gram word vectors on them and the training texts,"
                + " and start the embedding from them; their words also count when the vocabulary is chosen.",
            AllowMultipleArgumentsPerToken = true,
        };
        var pretrainEpochs = AtLeast("--pretrain-epochs", "Skip-gram passes over the pretraining texts.", 1, 1);
        var pretrainWindow = AtLeast("--pretrain-window", "Skip-gram context: up to this many words on each side.", 5, 1);
        var warnBelow = Between("--warn-below",
            "Stored in model.json: the service warns (low_coverage) when known words / words is below this; no known word answers unknown.",
            ModelManifest.DefaultCoverage.WarnBelow, 0, 1.000001);
        var seed = WithDefault("--seed", "Seed for weights, dropout, shuffling and the validation split.", 42);
        var threads = Threads();
        var name = WithDefault("--name", "Model name in model.json.", "sentiment-lstm");
        var language = Language();
        var version = Optional("--version", "Model version in model.json and X-Model-Version"
            + " (default: 0.0.0-local.<UTC creation time>, e.g. 0.0.0-local.20261204T183000Z).");
        var output = Required("--output", "Bundle folder to write: new or empty, or holding an earlier bundle with --overwrite.");
        var overwrite = WithDefault("--overwrite", "Replace the files of an earlier bundle in --output; other files and folders are kept.", false);

        var command = new Command("train", "Train the model, export it to ONNX and report validation and test scores.")
        {
            data, valid, validFraction, test, textColumn, labelColumn, labels, numWords, maxLen, oovToken, normalization, charLevel, charBigrams,
            embeddingDim, lstmUnits, bidirectional, pooling, featureDropout, dropout, epochs, patience, selectBy, batchSize, learningRate,
            learningRateDecay, clipNorm, calibration, pretrainData, pretrainEpochs, pretrainWindow, warnBelow, seed, threads,
            name, language, version, output, overwrite,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(charBigrams) && !result.GetValue(charLevel))
                result.AddError("--char-bigrams needs --char-level.");
        });
        command.SetAction(result => CommandRunner.Run(console, () => new TrainRun(new TrainOptions(
            Data: result.GetRequiredValue(data),
            Valid: result.GetValue(valid) is { Length: > 0 } validFiles ? validFiles : null,
            ValidFraction: result.GetValue(validFraction),
            Test: result.GetValue(test) is { Length: > 0 } testFiles ? testFiles : null,
            Columns: new DataColumns(Text: result.GetRequiredValue(textColumn), Label: result.GetRequiredValue(labelColumn)),
            Tokenizer: TokenizerDefaults with
            {
                NumWords = result.GetValue(numWords),
                MaxLength = result.GetValue(maxLen),
                OovToken = result.GetValue(oovToken),
                Normalization = result.GetValue(normalization),
                CharLevel = result.GetValue(charLevel),
                CharBigrams = result.GetValue(charBigrams),
            },
            EmbeddingDim: result.GetValue(embeddingDim),
            LstmUnits: result.GetValue(lstmUnits),
            Training: new TrainingSettings(
                Epochs: result.GetValue(epochs),
                Patience: result.GetValue(patience),
                SelectBy: result.GetRequiredValue(selectBy),
                BatchSize: result.GetValue(batchSize),
                LearningRate: result.GetValue(learningRate),
                Dropout: result.GetValue(dropout),
                Seed: result.GetValue(seed),
                Threads: result.GetValue(threads),
                LearningRateDecay: result.GetValue(learningRateDecay),
                ClipNorm: result.GetValue(clipNorm)),
            Labels: ParseLabels(result.GetValue(labels)),
            Name: result.GetRequiredValue(name),
            Version: result.GetValue(version),
            Output: result.GetRequiredValue(output),
            Overwrite: result.GetValue(overwrite),
            Calibrate: result.GetRequiredValue(calibration) == "temperature",
            Pretraining: result.GetValue(pretrainData) is { Length: > 0 } pretrainFiles
                ? new PretrainingOptions(pretrainFiles, new SkipGramSettings(
                    Dimensions: result.GetValue(embeddingDim),
                    Window: result.GetValue(pretrainWindow),
                    Epochs: result.GetValue(pretrainEpochs),
                    Seed: result.GetValue(seed)))
                : null,
            WarnBelow: result.GetValue(warnBelow),
            Language: result.GetRequiredValue(language))
        {
            Bidirectional = result.GetValue(bidirectional),
            Pooling = Poolings[result.GetRequiredValue(pooling)],
            FeatureDropout = result.GetValue(featureDropout),
        }, console).Run()));
        return command;
    }

    internal static string[]? ParseLabels(string? labels)
    {
        if (labels is null)
            return null;
        string[] list = labels.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (list.Length < 2 || list.Distinct().Count() != list.Length)
            throw new TrainerException($"--labels needs two or more distinct labels, got \"{labels}\".");
        return list;
    }
}
