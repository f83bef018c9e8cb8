using System.Diagnostics;
using Sentiment.Core;
using Sentiment.Inference;
using Sentiment.Trainer.Data;
using Sentiment.Trainer.Evaluation;
using Sentiment.Trainer.Model;
using Sentiment.Trainer.Output;
using Sentiment.Trainer.Pretraining;
using Sentiment.Trainer.Training;
using static TorchSharp.torch;

namespace Sentiment.Trainer;

/// <summary>
/// The <c>train</c> command: data, vocabulary, optional word-vector pretraining, training,
/// calibration, export, and evaluation of every validation and test file through ONNX.
/// </summary>
internal sealed class TrainRun(TrainOptions options, TrainerConsole console)
{
    public void Run()
    {
        var clock = Stopwatch.StartNew();
        var settings = options.Training;
        using var staging = StagingFolder.Begin(options.Output, options.Overwrite); // fails before training if unwritable or in use
        TrainingData data = LoadData();
        IReadOnlyList<string> unlabelled = ReadUnlabelled();
        var vocabulary = Vocabulary.Fit(data.Train.Rows.Select(row => row.Text).Concat(unlabelled), options.Tokenizer);
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
        float[]? vectors = Pretrain(unlabelled, train, encoder, vocabulary);
        var shape = new ModelShape(vocabulary.EmbeddingRows, options.EmbeddingDim, options.LstmUnits, data.Labels.Count,
            options.Bidirectional, options.Pooling);
        using var model = new SentimentModel(shape, settings.Dropout, options.FeatureDropout);
        if (vectors is not null)
            model.LoadEmbedding(vectors);
        var history = new ModelTrainer(settings, console.TrainingProgress()).Fit(model, train, validation, data.Labels);
        string why = options.Training.SelectBy == TrainingSettings.ByAccuracy ? "highest validation accuracy" : "lowest validation loss";
        console.Info($"Kept epoch {history.BestEpoch} ({why}); exporting to ONNX.");

        var (_, probabilities) = TorchScoring.Evaluate(model, validation, settings.BatchSize);
        var calibration = options.Calibrate ? Calibrate(probabilities, validation.Labels) : null;
        var created = DateTimeOffset.UtcNow;
        var details = new BundleDetails(Name: options.Name, Version: options.Version ?? TrainOptions.LocalVersion(created),
            CreatedUtc: created, Training: TrainingRecord.Create(options, history, clock.Elapsed.TotalSeconds), Data: data.Summary());
        var weights = model.ExportWeights() with { Temperature = calibration?.Temperature ?? 1 };
        BundleWriter.Write(staging.Folder, vocabulary, weights, data.Labels, details);
        var metrics = Evaluate(staging.Folder, data, calibration);
        TrainingCurve.Save(Path.Combine(staging.Folder, TrainingCurve.FileName), history);
        if (calibration is not null)
        {
            ReliabilityDiagram.Save(Path.Combine(staging.Folder, ReliabilityDiagram.FileName),
                Calibration.Reliability(probabilities, validation.Labels),
                Calibration.Reliability(Calibration.Apply(probabilities, data.Labels.Count, calibration.Temperature), validation.Labels),
                calibration.Temperature);
        }
        staging.Commit();
        console.Info($"Model bundle {details.Version} written to {options.Output} in {clock.Elapsed.TotalSeconds:F0} s.");
        console.Report(metrics.Validation!, "validation");
        if (metrics.Test is not null)
            console.Report(metrics.Test, "test");
        // Each file alone, when there are several of its kind or it uses fewer labels than the model.
        foreach (var file in metrics.Files ?? [])
        {
            if ((metrics.Files!.Count(f => f.Role == file.Role) > 1))
                console.Report(file.Report, $"{file.Role} {file.File}");
            if (file.Restricted is not null)
                console.Report(file.Restricted, $"{file.Role} {file.File}, on its own labels only");
        }
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
        var test = options.Test is null ? null : reader.Read(options.Test, options.Labels).NotEmpty(options.Test[0], "no test rows");
        validation.NotEmpty(options.Valid?[0] ?? options.Data[0], "no validation rows");
        TrainingData.CheckLabels(validation, labels);
        if (test is not null)
            TrainingData.CheckLabels(test, labels);
        return new TrainingData(labels, train, validation, test);
    }

    private IReadOnlyList<string> ReadUnlabelled()
    {
        if (options.Pretraining is null)
            return [];
        var texts = new List<string>();
        foreach (string file in options.Pretraining.Files)
        {
            using var reader = LabeledCsvReader.Open(file, options.Columns.Text, labelRequired: false);
            while (reader.Read())
            {
                if (!string.IsNullOrWhiteSpace(reader.Text))
                    texts.Add(reader.Text);
            }
        }
        if (texts.Count == 0)
            throw new DataFileException(options.Pretraining.Files[0], null, "no text to pretrain the word vectors on");
        return texts;
    }

    // The word vectors learn from the unlabelled texts and the training texts alike.
    private float[]? Pretrain(IReadOnlyList<string> unlabelled, EncodedSplit train, TextEncoder encoder, Vocabulary vocabulary)
    {
        if (options.Pretraining is not { } pretraining)
            return null;
        var texts = new List<int[]>(unlabelled.Count + train.Count);
        texts.AddRange(unlabelled.Select(text => encoder.Encode(text).Ids));
        texts.AddRange(train.Ids);
        return SkipGram.Train(texts, vocabulary.EmbeddingRows, pretraining.Settings with { Dimensions = options.EmbeddingDim }, console.Info);
    }

    private CalibrationInfo Calibrate(float[] probabilities, int[] truth)
    {
        double temperature = Calibration.FitTemperature(probabilities, truth);
        var info = new CalibrationInfo(temperature, [.. (options.Valid ?? options.Data).Select(FileReport.NameOf)], Calibration.Bins,
            Calibration.ExpectedError(probabilities, truth),
            Calibration.ExpectedError(Calibration.Apply(probabilities, probabilities.Length / truth.Length, temperature), truth));
        console.Info($"Temperature {temperature:F4} fitted on the validation rows: calibration error"
            + $" {info.ValidationErrorBefore:F4} before, {info.ValidationErrorAfter:F4} after.");
        return info;
    }

    // Scores through the written bundle with the API's scorer and stores the reports in model.json.
    private MetricsInfo Evaluate(string bundleFolder, TrainingData data, CalibrationInfo? calibration)
    {
        // The reports read the temperature from the manifest, to give the error before it as well.
        string manifestPath = Path.Combine(bundleFolder, ModelManifest.FileName);
        (ModelManifest.Load(manifestPath) with { Calibration = calibration, Coverage = new CoverageInfo(options.WarnBelow), Language = options.Language }).Save(manifestPath);
        var bundle = ModelBundle.Load(bundleFolder);
        using var scorer = new SentimentScorer(bundle, new ScorerOptions { IntraOpNumThreads = options.Training.Threads });
        var reader = new DataReader(options.Columns, _ => { });
        var files = new List<FileReport>();
        foreach (string file in options.Valid ?? [])
            files.Add(BundleEvaluation.Evaluate(scorer, reader.Read([file], options.Labels), file, "validation"));
        foreach (string file in options.Test ?? [])
            files.Add(BundleEvaluation.Evaluate(scorer, reader.Read([file], options.Labels), file, "test"));
        var metrics = new MetricsInfo(BundleEvaluation.Evaluate(scorer, data.Validation),
            data.Test is null ? null : BundleEvaluation.Evaluate(scorer, data.Test), files.Count == 0 ? null : files);
        (bundle.Manifest with { Metrics = metrics }).Save(manifestPath);
        return metrics;
    }
}
