using System.Text;
using Google.Protobuf;
using System.Text.Json;
using System.Text.Json.Nodes;
using Sentiment.Core;
using Sentiment.Inference.Onnx;

namespace Sentiment.Inference;

/// <summary>A classifier trained elsewhere and how its framework fed it.</summary>
/// <param name="OnnxPath">The exported ONNX graph (PyTorch's <c>torch.onnx.export</c>, tf2onnx, ...).</param>
/// <param name="TokenizerPath">The Keras tokenizer it read text with (<c>Tokenizer.to_json()</c>).</param>
/// <param name="MaxLength">The <c>maxlen</c> of <c>pad_sequences</c>: ids per row.</param>
/// <param name="Padding"><c>pre</c> or <c>post</c>, as <c>pad_sequences(padding=...)</c>.</param>
/// <param name="Truncating"><c>pre</c> or <c>post</c>, as <c>pad_sequences(truncating=...)</c>.</param>
/// <param name="Labels">Label names in the order of the output columns (for one sigmoid unit: the 0 label, then the 1 label).</param>
/// <param name="OutputKind">One of <see cref="FeedInfo.OutputKinds"/>, or null to read it from the graph.</param>
/// <param name="Language">ISO 639-1 code of the texts, or null for <see cref="ModelManifest.DefaultLanguage"/>.</param>
public sealed record ForeignModel(
    string OnnxPath, string TokenizerPath, int MaxLength, string Padding, string Truncating,
    IReadOnlyList<string> Labels, string? OutputKind = null, string? Language = null);

/// <summary>Writes a bundle from a <see cref="ForeignModel"/>, refusing what the scorer could not serve as its framework did.</summary>
public static class ForeignImport
{
    /// <summary>Writes <c>sentiment.onnx</c>, <c>vocab.json</c> and <c>model.json</c> into <paramref name="directory"/>.</summary>
    /// <exception cref="ModelBundleException">A given file cannot be served faithfully; the message names it and says why.</exception>
    public static ModelManifest Write(string directory, ForeignModel model, BundleDetails details)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(details);
        byte[] tokenizer = ModelBundle.ReadFile(model.TokenizerPath, expectedSha256: null);
        var vocabulary = ModelBundle.Guard(model.TokenizerPath,
            () => KerasTokenizerFile.Read(Encoding.UTF8.GetString(tokenizer), model.MaxLength, model.Truncating));
        byte[] original = ModelBundle.ReadFile(model.OnnxPath, expectedSha256: null);
        var proto = ModelBundle.Guard(model.OnnxPath, () => ModelProto.Parser.ParseFrom(original));
        var graph = ModelBundle.Guard(model.OnnxPath, () => ForeignGraph.Inspect(
            proto, model.MaxLength, model.Padding, model.Labels.Count, vocabulary.EmbeddingRows, model.OutputKind));

        // The labels go into the copy's metadata, as in the trainer's graphs, so an edited model.json is caught.
        foreach (var stale in proto.MetadataProps.Where(p => p.Key == "labels").ToList())
            proto.MetadataProps.Remove(stale);
        proto.MetadataProps.Add(new StringStringEntryProto { Key = "labels", Value = JsonSerializer.Serialize(model.Labels) });

        var imported = new JsonObject
        {
            ["importedFrom"] = new JsonObject
            {
                ["onnx"] = Path.GetFileName(model.OnnxPath),
                ["onnxSha256"] = Sha256.Hex(original),
                ["tokenizer"] = Path.GetFileName(model.TokenizerPath),
                ["tokenizerSha256"] = Sha256.Hex(tokenizer),
            },
        };
        return ModelBundle.Guard(model.OnnxPath, () => BundleWriter.Save(directory, proto.ToByteArray(), vocabulary, model.Labels,
            details with { Training = imported },
            new OnnxInfo("", "", graph.Opset, graph.InputIds, graph.InputLengths, graph.Output, graph.Feed),
            new ArchitectureInfo(vocabulary.EmbeddingRows, (int)graph.EmbeddingDim, (int)graph.LstmUnits, model.Labels.Count),
            model.Language));
    }
}
