using Sentiment.Api.Contracts;
using Sentiment.Api.Serving;
using Sentiment.Inference;
using Manifest = Sentiment.Core;

namespace Sentiment.Api.Scoring;

/// <summary>From the served model and its predictions to the wire types, in one place.</summary>
internal static class ResponseMapping
{
    public static SentimentResponse ToResponse(ServedModel model, SentimentResult result) =>
        new(result.Label, result.Confidence, result.Score, result.Probabilities, result.Tokens, result.Warnings, model.Version)
        {
            Words = result.Words,
            Sentences = result.Sentences,
        };

    public static BatchSentimentResponse ToBatchResponse(ItemAnswer[] answers, IReadOnlyList<RequestItem> items)
    {
        var results = new BatchItemResult[answers.Length];
        for (int i = 0; i < results.Length; i++)
        {
            var (model, result, code, message) = answers[i];
            if (code is not null)
            {
                results[i] = new BatchItemResult(items[i].Id, null, null, null, null, null, null, null, null, new ItemError(code, message!));
                continue;
            }
            results[i] = new BatchItemResult(items[i].Id, result!.Label, result.Confidence, result.Score, result.Probabilities,
                result.Tokens, result.Warnings, model!.Name, model.Version, null)
            {
                Words = result.Words,
                Sentences = result.Sentences,
            };
        }
        // Several models may have answered: their versions, as in the X-Model-Version header.
        var versions = answers.Where(a => a.Model is not null).Select(a => a.Model!.Version).Distinct().ToArray();
        return new BatchSentimentResponse(results, versions.Length > 0 ? string.Join(", ", versions) : null);
    }

    // A text the model cannot read gets no made-up numbers: only the label unknown, its counts and why.
    public static SentimentResult ToResult(ServedModel model, Prediction prediction)
    {
        var warnings = model.WarningsOf(prediction) is { } found
            ? found.Select(w => new AnswerWarning(w.Code, w.Message)).ToArray()
            : null;
        return prediction.IsUnknown
            ? new SentimentResult(Prediction.UnknownLabel, null, null, null, Tokens(prediction), warnings)
            : new SentimentResult(prediction.Label, prediction.Confidence, model.Score(prediction.Probabilities),
                Probabilities(model, prediction), Tokens(prediction), warnings);
    }

    public static ModelResponse ToModelResponse(ServedModel model)
    {
        var manifest = model.Manifest;
        var tokenizer = manifest.Tokenizer;
        var layers = manifest.Architecture;
        return new ModelResponse(
            manifest.Name, manifest.Version, model.Language, manifest.CreatedUtc, manifest.Labels, tokenizer.MaxLength,
            new TokenizerInfo(tokenizer.NumWords, tokenizer.MaxLength, tokenizer.LowerCase, tokenizer.Filters,
                tokenizer.Split, tokenizer.OovToken, tokenizer.Truncating, tokenizer.Normalization),
            new ArchitectureInfo(layers.EmbeddingRows, layers.EmbeddingDim, layers.LstmUnits, layers.Classes,
                layers.Bidirectional, PoolingName(layers.Pooling)),
            manifest.Data is { } data ? new DataInfo(Split(data.Train), Split(data.Validation), Split(data.Test)) : null,
            manifest.Metrics is { } metrics ? new MetricsInfo(Report(metrics.Validation), Report(metrics.Test)) : null,
            manifest.Calibration is { } calibration
                ? new CalibrationInfo(calibration.Temperature, calibration.ValidationErrorBefore, calibration.ValidationErrorAfter)
                : null,
            new CoverageInfo(model.WarnBelow));
    }

    private static string PoolingName(Manifest.StatePooling pooling) => pooling switch
    {
        Manifest.StatePooling.Last => "last",
        Manifest.StatePooling.LastMaxMean => "last-max-mean",
        _ => throw new ArgumentOutOfRangeException(nameof(pooling), pooling, "unknown pooling"),
    };

    // Probabilities are in label order, so the label index is the probability index.
    private static Dictionary<string, float> Probabilities(ServedModel model, Prediction prediction)
    {
        var byLabel = new Dictionary<string, float>(model.Labels.Count);
        for (int i = 0; i < model.Labels.Count; i++)
            byLabel[model.Labels[i]] = prediction.Probabilities[i];
        return byLabel;
    }

    private static TokenCounts Tokens(Prediction prediction) =>
        new(prediction.TotalTokens, prediction.KnownTokens, prediction.Truncated);

    private static SplitInfo? Split(Manifest.SplitInfo? split) =>
        split is null ? null : new SplitInfo(split.Rows, split.Skipped, split.PerLabel);

    private static ReportInfo? Report(Manifest.ReportInfo? report) =>
        report is null ? null : new ReportInfo(report.Rows, report.Accuracy, report.MacroF1,
            [.. report.PerClass.Select(c => new ClassScore(c.Label, c.Precision, c.Recall, c.F1, c.Support))],
            report.Confusion);
}
