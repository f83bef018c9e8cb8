namespace Sentiment.Api.Contracts;

// GET /model's own types: the manifest's C# types can change without changing the HTTP contract.

/// <summary>The public part of the model's manifest.</summary>
/// <param name="Name">Model name.</param>
/// <param name="Version">Model version, also sent in the X-Model-Version header.</param>
/// <param name="Language">ISO 639-1 code of the texts the model reads.</param>
/// <param name="CreatedUtc">When the bundle was written.</param>
/// <param name="Labels">Labels in output order.</param>
/// <param name="MaxLength">Most words scored per text; longer texts keep their last words.</param>
/// <param name="Tokenizer">The text pipeline settings.</param>
/// <param name="Architecture">Layer sizes.</param>
/// <param name="Data">Rows used to train, validate and test; absent when the bundle does not say.</param>
/// <param name="Metrics">Validation and test reports; absent when the bundle does not say.</param>
/// <param name="Calibration">The temperature inside the graph; absent for an uncalibrated model.</param>
/// <param name="Coverage">When answers carry a <c>low_coverage</c> warning.</param>
public sealed record ModelResponse(
    string Name, string Version, string Language, DateTimeOffset CreatedUtc, IReadOnlyList<string> Labels, int MaxLength,
    TokenizerInfo Tokenizer, ArchitectureInfo Architecture, DataInfo? Data, MetricsInfo? Metrics,
    CalibrationInfo? Calibration, CoverageInfo Coverage);

/// <summary>Every model the service serves.</summary>
/// <param name="Default">The name of the model that answers when a request names neither model nor language and the text's script picks no other.</param>
/// <param name="Models">Each model, the default first.</param>
public sealed record ModelsResponse(string Default, IReadOnlyList<ModelResponse> Models);

/// <summary>How the probabilities were calibrated.</summary>
/// <param name="Temperature">The graph divides its logits by this before the softmax.</param>
/// <param name="ValidationErrorBefore">Expected calibration error (15 bins, top label) on the validation rows before it.</param>
/// <param name="ValidationErrorAfter">The same after it.</param>
public sealed record CalibrationInfo(double Temperature, double ValidationErrorBefore, double ValidationErrorAfter);

/// <summary>When an answer warns that the model read little of the text.</summary>
/// <param name="WarnBelow">Known words / words below this gives a <c>low_coverage</c> warning; no known word gives the label <c>unknown</c>.</param>
public sealed record CoverageInfo(double WarnBelow);

/// <summary>How text becomes word ids, as in the Keras <c>Tokenizer</c>.</summary>
/// <param name="NumWords">Words with id below this are kept.</param>
/// <param name="MaxLength">Most ids fed to the model for one text.</param>
/// <param name="LowerCase">Whether the text is lower-cased first.</param>
/// <param name="Filters">Characters replaced by the separator before splitting.</param>
/// <param name="Split">The separator character.</param>
/// <param name="OovToken">The token unknown words map to; absent when unknown words are dropped.</param>
/// <param name="Truncating"><c>pre</c> keeps the last ids of a long text, <c>post</c> the first.</param>
/// <param name="Normalization">Rules applied before the Keras steps (<c>user-text-v1</c>); absent when none.</param>
public sealed record TokenizerInfo(
    int NumWords, int MaxLength, bool LowerCase, string Filters, string Split, string? OovToken, string Truncating,
    string? Normalization);

/// <summary>Layer sizes of the Embedding, LSTM, Dense model.</summary>
/// <param name="EmbeddingRows">Embedding rows: vocabulary size plus the padding row.</param>
/// <param name="EmbeddingDim">Embedding width.</param>
/// <param name="LstmUnits">LSTM hidden size.</param>
/// <param name="Classes">Output classes.</param>
/// <param name="Bidirectional">Whether the LSTM also reads each text backwards.</param>
/// <param name="Pooling"><c>last</c>: the dense layer reads the last state; <c>last-max-mean</c>: also the max and mean of every state.</param>
public sealed record ArchitectureInfo(int EmbeddingRows, int EmbeddingDim, int LstmUnits, int Classes, bool Bidirectional, string Pooling);

/// <summary>Row counts of the training, validation and test splits.</summary>
/// <param name="Train">Training split.</param>
/// <param name="Validation">Validation split.</param>
/// <param name="Test">Test split.</param>
public sealed record DataInfo(SplitInfo? Train, SplitInfo? Validation, SplitInfo? Test);

/// <summary>Row counts of one data split.</summary>
/// <param name="Rows">Rows used.</param>
/// <param name="Skipped">Rows skipped (empty text, unknown label).</param>
/// <param name="PerLabel">Rows used per label.</param>
public sealed record SplitInfo(int Rows, int Skipped, IReadOnlyDictionary<string, int> PerLabel);

/// <summary>Evaluation reports of the model.</summary>
/// <param name="Validation">On the validation split.</param>
/// <param name="Test">On the held-out test split.</param>
public sealed record MetricsInfo(ReportInfo? Validation, ReportInfo? Test);

/// <summary>A classification report.</summary>
/// <param name="Rows">Rows evaluated.</param>
/// <param name="Accuracy">Share of rows predicted right.</param>
/// <param name="MacroF1">Unweighted mean of the per-class F1.</param>
/// <param name="PerClass">Scores per label, in label order.</param>
/// <param name="Confusion">Counts: row = true label, column = predicted label.</param>
public sealed record ReportInfo(int Rows, double Accuracy, double MacroF1, IReadOnlyList<ClassScore> PerClass, int[][] Confusion);

/// <summary>Precision, recall and F1 of one label.</summary>
/// <param name="Label">The label.</param>
/// <param name="Precision">Of the rows predicted as this label, the share that are.</param>
/// <param name="Recall">Of the rows of this label, the share found.</param>
/// <param name="F1">Harmonic mean of precision and recall.</param>
/// <param name="Support">Rows of this label.</param>
public sealed record ClassScore(string Label, double Precision, double Recall, double F1, int Support);
