using System.Diagnostics;
using Sentiment.Core;
using Sentiment.Inference;
using Sentiment.Trainer.Data;
using Sentiment.Trainer.Model;
using Sentiment.Trainer.Output;
using Sentiment.Trainer.Evaluation;
using Sentiment.Trainer.Training;
using static TorchSharp.torch;

namespace Sentiment.Trainer;

/// <summary>The <c>train</c> command: data, vocabulary, training, export, evaluation through ONNX.</summary>
internal sealed class TrainRun(TrainOptions options, TrainerConsole console)
{
    public void Run()
    {
        var clock = Stopwatch.StartNew();
        var settings = options.Training;
        using var staging = StagingFolder.Begin(options.Output, options.Overwrite); // fails before training if unwritable or in use
        TrainingData data = LoadData();
        var vocabulary = Vocabulary.Fit(data.Train.Rows.Select(row => row.Text), options.Tokenizer);
        if (vocabulary.Words.Count == (vocabulary.OovId is null ? 0 : 1))
            throw new DataFileException(options.Data[0], null, "the training texts hold no words: the vocabulary is empty");
        var encoder = new TextEncoder(vocabulary, options.Tokenizer);
        var train = TextEncoding.Encode(data.Train, encoder, data.Labels);
        var validation = TextEncoding.Encode(data.Validation, encoder, data.Labels);

        manual_seed(settings.Seed);
        set_num_threads(settings.Threads);
        console.Info($"Seed {settings.Seed}, {settings.Threads} thread(s); rows: {train.Count} train, {validation.Count} validation"
            + $"{(data.Test is null ? "" : $", {data.Test.Rows.Count} test")}; labels: {string.Join(", ", data.Labels)};"
            + $" vocabulary: {vocabulary.Words.Count} words");
        var shape = new ModelShape(vocabulary.EmbeddingRows, options.EmbeddingDim, options.LstmUnits, data.Labels.Count,
            options.Bidirectional, options.Pooling);
        using var model = new SentimentModel(shape, settings.Dropout, options.FeatureDropout);
        var history = new ModelTrainer(settings, console.TrainingProgress()).Fit(model, train, validation, data.Labels);
        console.Info($"Kept epoch {history.BestEpoch} (lowest validation loss); exporting to ONNX.");

        var created = DateTimeOffset.UtcNow;
        var details = new BundleDetails(Name: options.Name, Version: options.Version ?? TrainOptions.LocalVersion(created),
            CreatedUtc: created, Training: TrainingRecord.Create(options, history, clock.Elapsed.TotalSeconds), Data: data.Summary());
        BundleWriter.Write(staging.Folder, vocabulary, model.ExportWeights(), data.Labels, details);
        var metrics = Evaluate(staging.Folder, data, settings.Threads);
        TrainingCurve.Save(Path.Combine(staging.Folder, TrainingCurve.FileName), history);
        staging.Commit();
        console.Info($"Model bundle {details.Version} written to {options.Output} in {clock.Elapsed.TotalSeconds:F0} s.");
        console.Report(metrics.Validation!, "validation");
        if (metrics.Test is not null)
            console.Report(metrics.Test, "test");
    }

    private TrainingData LoadData()
    {
        var reader = new DataReader(options.Columns, console.Warn);
        var all = reader.Read(options.Data, options.Labels);
        var labels = TrainingData.LabelsOf(all, options.Data[0], options.Labels);
        LabeledRows train, validation;
        if (options.Valid is not null)
            (train, validation) = (all, reader.Read(options.Valid, options.Labels));
        else
            (train, validation) = ValidationSplit.Split(all, labels, options.ValidFraction, options.Training.Seed, options.Data[0]);
        var test = options.Test is null ? null : reader.Read([options.Test], options.Labels).NotEmpty(options.Test, "no test rows");
        validation.NotEmpty(options.Valid?[0] ?? options.Data[0], "no validation rows");
        TrainingData.CheckLabels(validation, labels);
        if (test is not null)
            TrainingData.CheckLabels(test, labels);
        return new TrainingData(labels, train, validation, test);
    }

    // Scores through the written bundle with the API's scorer and stores the reports in model.json.
    private static MetricsInfo Evaluate(string bundleFolder, TrainingData data, int threads)
    {
        var bundle = ModelBundle.Load(bundleFolder);
        using var scorer = new SentimentScorer(bundle, new ScorerOptions { IntraOpNumThreads = threads });
        var metrics = new MetricsInfo(BundleEvaluation.Evaluate(scorer, data.Validation),
            data.Test is null ? null : BundleEvaluation.Evaluate(scorer, data.Test));
        (bundle.Manifest with { Metrics = metrics }).Save(Path.Combine(bundleFolder, ModelManifest.FileName));
        return metrics;
    }
}
