using System.Diagnostics;
using Microsoft.ML;
using Microsoft.ML.Trainers;
using Sentiment.Baseline;
using Sentiment.Core;

// ML.NET's sentiment recipe: FeaturizeText (word 1-2 grams + char 3-grams, L2-normalised)
// feeding SDCA logistic regression, all defaults, so the figures match what ML.NET users get.
var options = BaselineOptions.Parse(args, out string? error);
if (options is null)
{
    if (!string.IsNullOrEmpty(error)) Console.Error.WriteLine($"error: {error}");
    Console.Error.WriteLine(BaselineOptions.Usage);
    return string.IsNullOrEmpty(error) ? 0 : 2;
}

try
{
    var train = new List<Review>();
    int skipped = 0;
    foreach (string file in options.Train)
    {
        train.AddRange(LabeledReviews.Read(file, options.DropNeutral, out int s));
        skipped += s;
    }
    string trainName = options.Name ?? string.Join(" + ", options.Train.Select(ShortName));
    Console.Error.WriteLine($"train: {trainName}: {train.Count} rows ({train.Count(r => r.Label)} positive, {skipped} neutral skipped), seed {options.Seed}, {options.Threads} thread(s)");

    var ml = new MLContext(seed: options.Seed);
    var pipeline = ml.Transforms.Text.FeaturizeText("Features", nameof(Review.Text))
        .AppendCacheCheckpoint(ml) // SDCA makes several passes; featurize once
        .Append(ml.BinaryClassification.Trainers.SdcaLogisticRegression(new SdcaLogisticRegressionBinaryTrainer.Options
        {
            LabelColumnName = nameof(Review.Label),
            FeatureColumnName = "Features",
            NumberOfThreads = options.Threads, // more than one thread makes SDCA's result vary run to run
        }));
    var watch = Stopwatch.StartNew();
    var model = pipeline.Fit(ml.Data.LoadFromEnumerable(train));
    Console.Error.WriteLine($"trained in {watch.Elapsed.TotalSeconds:F1} s");

    if (options.Header)
    {
        Console.WriteLine("| trained on | train rows | test file | rows | accuracy % | macro-F1 % |");
        Console.WriteLine("|---|---:|---|---:|---:|---:|");
    }
    string[] labels = ["negative", "positive"]; // index order matches Review.Label: false is 0, true is 1
    foreach (string file in options.Test)
    {
        var test = LabeledReviews.Read(file, options.DropNeutral, out int testSkipped);
        var scored = ml.Data.CreateEnumerable<ScoredReview>(model.Transform(ml.Data.LoadFromEnumerable(test)), reuseRowObject: false).ToList();
        var scores = ClassificationReport.Compute(
            scored.Select(r => r.Label ? 1 : 0).ToArray(), scored.Select(r => r.PredictedLabel ? 1 : 0).ToArray(), labels);
        string testName = ShortName(file) + (testSkipped > 0 ? " (no neutral)" : "");
        Console.WriteLine($"| {trainName} | {train.Count} | {testName} | {scores.Rows} | {100 * scores.Accuracy:F2} | {100 * scores.MacroF1:F2} |");
    }
    return 0;
}
catch (DataFileException e)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 1;
}

// "data/sst2/test.csv" -> "sst2/test.csv": the dataset folder names the split unambiguously.
static string ShortName(string file) =>
    $"{Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(file)))}/{Path.GetFileName(file)}";

sealed class ScoredReview
{
    public bool Label { get; set; }
    public bool PredictedLabel { get; set; }
}
