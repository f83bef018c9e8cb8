using System.Text.Json.Nodes;
using Google.Protobuf;
using Sentiment.Core;

namespace Sentiment.Inference;

/// <summary>Descriptive parts of <c>model.json</c> that the weights and vocabulary do not give.</summary>
/// <param name="Name">Model name.</param>
/// <param name="Version">Model version.</param>
/// <param name="CreatedUtc">Creation time; null means now. Fix it for byte-identical bundles.</param>
/// <param name="Training">Free-form training settings and timings.</param>
/// <param name="Data">Row counts of the data splits.</param>
/// <param name="Metrics">Evaluation reports.</param>
public sealed record BundleDetails(
    string Name,
    string Version,
    DateTimeOffset? CreatedUtc = null,
    JsonObject? Training = null,
    DataInfo? Data = null,
    MetricsInfo? Metrics = null);

/// <summary>Writes a model bundle folder: <c>sentiment.onnx</c>, <c>vocab.json</c> and <c>model.json</c> with their hashes.</summary>
public static class BundleWriter
{
    /// <summary>Graph file name inside a bundle.</summary>
    public const string OnnxFile = "sentiment.onnx";

    /// <summary>Vocabulary file name inside a bundle.</summary>
    public const string VocabularyFile = "vocab.json";

    /// <summary>Writes the three files into <paramref name="directory"/> (created if needed) and returns the manifest.</summary>
    public static ModelManifest Write(
        string directory, Vocabulary vocabulary, LstmWeights weights, IReadOnlyList<string> labels, BundleDetails details)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(details);
        if (BundleCheck.EmbeddingRowsProblem(weights.EmbeddingRows, vocabulary) is { } problem)
            throw new ArgumentException($"The {problem}", nameof(weights));

        byte[] onnx = LstmGraph.Build(weights, labels).ToByteArray();
        return Save(directory, onnx, vocabulary, labels, details,
            new OnnxInfo(OnnxFile, "", LstmGraph.Opset, LstmGraph.InputIds, LstmGraph.InputLengths, LstmGraph.Output),
            new ArchitectureInfo(weights.EmbeddingRows, weights.EmbeddingDim, weights.Hidden, weights.Classes,
                Bidirectional: weights.Reverse is not null, Pooling: weights.Pooling));
    }

    /// <summary>Writes the graph, the vocabulary and a checked manifest naming both with their hashes.</summary>
    internal static ModelManifest Save(string directory, byte[] onnx, Vocabulary vocabulary, IReadOnlyList<string> labels,
        BundleDetails details, OnnxInfo graph, ArchitectureInfo architecture, string? language = null)
    {
        var vocab = new MemoryStream();
        vocabulary.Save(vocab);
        var manifest = new ModelManifest(
            ModelManifest.CurrentFormatVersion, details.Name, details.Version, details.CreatedUtc ?? DateTimeOffset.UtcNow,
            [.. labels], vocabulary.Settings,
            graph with { File = OnnxFile, Sha256 = Sha256.Hex(onnx) },
            new VocabularyInfo(VocabularyFile, Sha256.Hex(vocab.GetBuffer().AsSpan(0, (int)vocab.Length)), vocabulary.Words.Count),
            architecture, details.Training, details.Data, details.Metrics, Language: language);
        manifest.Validate();

        Directory.CreateDirectory(directory);
        File.WriteAllBytes(Path.Combine(directory, OnnxFile), onnx);
        File.WriteAllBytes(Path.Combine(directory, VocabularyFile), vocab.ToArray());
        manifest.Save(Path.Combine(directory, ModelManifest.FileName));
        return manifest;
    }
}
