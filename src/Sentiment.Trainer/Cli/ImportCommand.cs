using System.CommandLine;
using Sentiment.Core;
using Sentiment.Inference;
using Sentiment.Trainer.Output;
using static Sentiment.Trainer.Cli.Options;

namespace Sentiment.Trainer.Cli;

/// <summary><c>import</c>: a classifier trained with Keras or PyTorch and its Keras tokenizer become a bundle the service serves as they are.</summary>
internal static class ImportCommand
{
    public static Command Create(TrainerConsole console)
    {
        var onnx = Required("--onnx", "The exported ONNX classifier: one id input [batch, length] (int64, int32 or float), optionally a lengths input, one float output.");
        var tokenizer = Required("--tokenizer", "The Keras tokenizer the model was trained with, as Tokenizer.to_json() writes it.");
        var maxLen = new Option<int>("--max-len") { Description = "Ids per row, as pad_sequences(maxlen=...) gave them to the model.", Required = true };
        maxLen.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 1)
                r.AddError("--max-len must be at least 1.");
        });
        var padding = WithDefault("--padding", "Side the zeros went, as pad_sequences(padding=...).", "pre");
        padding.AcceptOnlyFromAmong("pre", "post");
        var truncating = WithDefault("--truncating", "Side a long text was cut, as pad_sequences(truncating=...).", "pre");
        truncating.AcceptOnlyFromAmong("pre", "post");
        var labels = Required("--labels", "Comma-separated labels in the order of the output columns (one sigmoid unit: the 0 label, then the 1 label).");
        var outputKind = Optional("--output-kind", "What the output holds when the graph does not say: probabilities, logits, sigmoid (one unit) or logit (one unit).");
        outputKind.AcceptOnlyFromAmong([.. FeedInfo.OutputKinds]);
        var name = WithDefault("--name", "Model name in model.json.", "imported-model");
        var language = Language();
        var version = Optional("--version", "Model version in model.json and X-Model-Version (default: 0.0.0-local.<UTC creation time>).");
        var output = Required("--output", "Bundle folder to write: new or empty, or holding an earlier bundle with --overwrite.");
        var overwrite = WithDefault("--overwrite", "Replace the files of an earlier bundle in --output; other files and folders are kept.", false);
        var command = new Command("import", "Make a bundle from an ONNX classifier trained elsewhere and its Keras tokenizer, served exactly as its framework fed it.")
        {
            onnx, tokenizer, maxLen, padding, truncating, labels, outputKind, name, language, version, output, overwrite,
        };
        command.SetAction(result => CommandRunner.Run(console, () =>
        {
            var model = new ForeignModel(result.GetRequiredValue(onnx), result.GetRequiredValue(tokenizer), result.GetValue(maxLen),
                result.GetRequiredValue(padding), result.GetRequiredValue(truncating),
                TrainCommand.ParseLabels(result.GetRequiredValue(labels))!, result.GetValue(outputKind), result.GetRequiredValue(language));
            var created = DateTimeOffset.UtcNow;
            var details = new BundleDetails(result.GetRequiredValue(name), result.GetValue(version) ?? TrainOptions.LocalVersion(created), created);
            string target = result.GetRequiredValue(output);
            using var staging = StagingFolder.Begin(target, result.GetValue(overwrite));
            var manifest = ForeignImport.Write(staging.Folder, model, details);
            try
            {
                using var scorer = new SentimentScorer(ModelBundle.Load(staging.Folder)); // ONNX Runtime runs it once before it is kept
            }
            catch (ModelBundleException e)
            {
                throw new ModelBundleException(model.OnnxPath, e.Reason, e);
            }
            staging.Commit();
            var feed = manifest.Onnx.Feed!;
            console.Info($"Model bundle {manifest.Version} written to {target}: input '{manifest.Onnx.InputIds}' ({feed.IdsType}, "
                + $"{manifest.Tokenizer.MaxLength} ids, {feed.Padding}-padded, {manifest.Tokenizer.Truncating}-truncated), "
                + $"output '{manifest.Onnx.Output}' ({feed.OutputKind}), {manifest.Vocabulary.Size} words.");
        }));
        return command;
    }
}
