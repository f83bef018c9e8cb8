using System.Text.Json.Serialization;

namespace Sentiment.Core;

/// <summary>The ONNX graph file of a bundle and the names of its tensors.</summary>
/// <param name="File">File name relative to the bundle folder.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the file.</param>
/// <param name="Opset">ONNX operator set version.</param>
/// <param name="InputIds">Name of the int64 [batch, seq] word id input.</param>
/// <param name="InputLengths">Name of the int32 [batch] true length input; null for a graph without one (then <paramref name="Feed"/> is set).</param>
/// <param name="Output">Name of the float [batch, classes] probability output.</param>
/// <param name="Feed">How a graph made elsewhere is fed; absent for the trainer's own graphs.</param>
public sealed record OnnxInfo(
    string File,
    string Sha256,
    int Opset = 17,
    string InputIds = "input_ids",
    string? InputLengths = "lengths",
    string Output = "probabilities",
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] FeedInfo? Feed = null)
{
    /// <summary>Throws <see cref="InvalidDataException"/> naming the first inconsistent field.</summary>
    public void Validate()
    {
        if (Feed is null && InputLengths is null)
            throw new InvalidDataException("onnx.inputLengths is needed unless onnx.feed says how to feed the graph.");
        Feed?.Validate(InputLengths is not null);
    }
}

/// <summary>
/// How to feed a graph trained elsewhere exactly as its framework did: every row is
/// <see cref="TokenizerSettings.MaxLength"/> ids long, padded with id 0 on the <paramref name="Padding"/>
/// side (Keras' <c>pad_sequences</c>; truncation is <see cref="TokenizerSettings.Truncating"/>).
/// </summary>
/// <param name="Padding"><c>pre</c> puts the zeros before the ids (Keras' default), <c>post</c> after them.</param>
/// <param name="IdsType">Element type of the id input: <c>int64</c>, <c>int32</c> or <c>float</c> (a Keras input left at its default dtype).</param>
/// <param name="OutputKind">
/// <c>probabilities</c> (one column per label, summing to 1), <c>logits</c> (one per label; softmax is applied),
/// <c>sigmoid</c> (one column, the second label's probability) or <c>logit</c> (one column; the sigmoid is applied).
/// </param>
/// <param name="LengthsType">Element type of the lengths input (<c>int32</c> or <c>int64</c>) when the graph has one.</param>
public sealed record FeedInfo(
    string Padding = "pre",
    string IdsType = "int64",
    string OutputKind = "probabilities",
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? LengthsType = null)
{
    /// <summary>The id element types a feed may name.</summary>
    public static readonly IReadOnlyList<string> IdsTypes = ["int64", "int32", "float"];

    /// <summary>The lengths element types a feed may name.</summary>
    public static readonly IReadOnlyList<string> LengthsTypes = ["int32", "int64"];

    /// <summary>The output kinds a feed may name.</summary>
    public static readonly IReadOnlyList<string> OutputKinds = ["probabilities", "logits", "sigmoid", "logit"];

    /// <summary>Output columns the graph gives for <paramref name="labels"/> labels.</summary>
    public int OutputColumns(int labels) => OutputKind is "sigmoid" or "logit" ? 1 : labels;

    internal void Validate(bool hasLengths)
    {
        if (Padding is not ("pre" or "post"))
            throw new InvalidDataException($"onnx.feed.padding must be \"pre\" or \"post\", was \"{Padding}\".");
        if (!IdsTypes.Contains(IdsType))
            throw new InvalidDataException($"onnx.feed.idsType must be one of {string.Join(", ", IdsTypes)}, was \"{IdsType}\".");
        if (!OutputKinds.Contains(OutputKind))
            throw new InvalidDataException($"onnx.feed.outputKind must be one of {string.Join(", ", OutputKinds)}, was \"{OutputKind}\".");
        if (hasLengths != (LengthsType is not null) || (LengthsType is not null && !LengthsTypes.Contains(LengthsType)))
            throw new InvalidDataException("onnx.feed.lengthsType must be int32 or int64 when onnx.inputLengths is set, and absent otherwise.");
    }
}

/// <summary>The vocabulary file of a bundle.</summary>
/// <param name="File">File name relative to the bundle folder.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the file.</param>
/// <param name="Size">Number of words (ids 1..Size).</param>
public sealed record VocabularyInfo(string File, string Sha256, int Size);

/// <summary>Layer sizes and shape of the Embedding, LSTM, Dense model.</summary>
/// <param name="EmbeddingRows">Embedding rows: vocabulary size plus the padding row.</param>
/// <param name="EmbeddingDim">Embedding width.</param>
/// <param name="LstmUnits">LSTM hidden size (per direction).</param>
/// <param name="Classes">Output classes.</param>
/// <param name="Bidirectional">The LSTM also reads each text backwards; written only when true.</param>
/// <param name="Pooling">What the dense layer reads; written only when not <see cref="StatePooling.Last"/>.</param>
public sealed record ArchitectureInfo(
    int EmbeddingRows,
    int EmbeddingDim,
    int LstmUnits,
    int Classes,
    // Left out at their defaults, so manifests of the plain model read and write unchanged.
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool Bidirectional = false,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] StatePooling Pooling = StatePooling.Last);

/// <summary>The LSTM states the dense layer reads, as named in <c>model.json</c>.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<StatePooling>))]
public enum StatePooling
{
    /// <summary>The state after each text's last real token (both directions' when bidirectional).</summary>
    [JsonStringEnumMemberName("last")] Last,

    /// <summary>The last state, then the max and the mean of every real token's state, concatenated.</summary>
    [JsonStringEnumMemberName("last-max-mean")] LastMaxMean,
}

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

/// <summary>Evaluation reports stored with the model.</summary>
/// <param name="Validation">On the validation split (every validation file together).</param>
/// <param name="Test">On the held-out test split (every test file together).</param>
/// <param name="Files">On each validation and test file alone, in the order given.</param>
public sealed record MetricsInfo(
    ReportInfo? Validation,
    ReportInfo? Test,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<FileReport>? Files = null);

/// <summary>A classification report as stored in <c>model.json</c>.</summary>
/// <param name="Rows">Rows evaluated.</param>
/// <param name="Accuracy">Share of rows predicted right.</param>
/// <param name="MacroF1">Unweighted mean of the per-class F1.</param>
/// <param name="PerClass">Scores per label, in label order.</param>
/// <param name="Confusion">Counts: row = true label, column = predicted label (rows answered <c>unknown</c> are in no column).</param>
/// <param name="Unknown">Rows with no known word, which the service answers <c>unknown</c>; they count as wrong.</param>
/// <param name="CalibrationError">Expected calibration error of the served probabilities (<see cref="Calibration"/>), unknown rows left out.</param>
/// <param name="UncalibratedError">The same before the model's temperature, when it has one other than 1.</param>
/// <param name="RocAuc">For two labels: the area under the ROC curve of the second label's probability (<see cref="Core.RocAuc"/>);
/// a row answered unknown scores 0.5, the answer that says nothing.</param>
public sealed record ReportInfo(
    int Rows,
    double Accuracy,
    double MacroF1,
    IReadOnlyList<ClassScore> PerClass,
    int[][] Confusion,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] int Unknown = 0,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? CalibrationError = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? UncalibratedError = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? RocAuc = null);

/// <summary>Precision, recall and F1 of one label.</summary>
/// <param name="Label">The label.</param>
/// <param name="Precision">Of the rows predicted as this label, the share that are.</param>
/// <param name="Recall">Of the rows of this label, the share found.</param>
/// <param name="F1">Harmonic mean of precision and recall.</param>
/// <param name="Support">Rows of this label.</param>
public sealed record ClassScore(string Label, double Precision, double Recall, double F1, int Support);
