using System.Text.Json;
using Sentiment.Core;
using Sentiment.Inference.Onnx;
using static Sentiment.Inference.Onnx.TensorProto.Types;

namespace Sentiment.Inference;

/// <summary>Checks an ONNX graph against the manifest and vocabulary it ships with, without ONNX Runtime.</summary>
internal static class BundleCheck
{
    /// <summary>
    /// Why an embedding of <paramref name="rows"/> rows does not fit <paramref name="vocabulary"/>
    /// (one row per word plus padding row 0), or null when it fits.
    /// </summary>
    public static string? EmbeddingRowsProblem(long rows, Vocabulary vocabulary) => rows == vocabulary.EmbeddingRows
        ? null
        : $"embedding has {rows} rows but the vocabulary needs {vocabulary.EmbeddingRows} ({vocabulary.Words.Count} words + padding).";

    public static void Check(string onnxPath, ModelProto model, ModelManifest manifest, Vocabulary vocabulary)
    {
        void Fail(string reason) => throw new ModelBundleException(onnxPath, reason);

        var graph = model.Graph ?? throw new ModelBundleException(onnxPath, "the file holds no ONNX graph.");
        if (manifest.Onnx.Feed is not null)
        {
            CheckForeign(onnxPath, model, manifest, vocabulary);
            return;
        }
        long opset = model.OpsetImport.Where(o => o.Domain is "" or "ai.onnx").Select(o => o.Version).FirstOrDefault();
        var onnx = manifest.Onnx;
        if (opset != onnx.Opset)
            Fail($"uses opset {opset} but model.json says {onnx.Opset}.");
        CheckTensor(onnxPath, graph.Input, onnx.InputIds, DataType.Int64, rank: 2, "input");
        CheckTensor(onnxPath, graph.Input, onnx.InputLengths!, DataType.Int32, rank: 1, "input"); // set when feed is absent (manifest check)
        var classes = CheckTensor(onnxPath, graph.Output, onnx.Output, DataType.Float, rank: 2, "output")[1];
        if (classes.HasDimValue && classes.DimValue != manifest.Labels.Count)
            Fail($"output '{onnx.Output}' has {classes.DimValue} classes but model.json lists {manifest.Labels.Count} labels.");

        var embedding = FindEmbedding(graph, onnx.InputIds);
        if (embedding is null)
        {
            Fail($"has no embedding: a Gather of a 2-D initializer by '{onnx.InputIds}'.");
            return;
        }
        // The manifest's architecture was checked against the vocabulary size when it was loaded.
        if (EmbeddingRowsProblem(embedding.Dims[0], vocabulary) is { } problem)
            Fail(problem);
        if (embedding.Dims[1] != manifest.Architecture.EmbeddingDim)
            Fail($"embedding is {embedding.Dims[1]} wide but model.json says architecture.embeddingDim is {manifest.Architecture.EmbeddingDim}.");
        CheckLstm(onnxPath, graph, manifest.Architecture);
    }

    /// <summary>The 2-D initializer a Gather indexes by <paramref name="ids"/> (or by a Cast of them), or null.</summary>
    internal static TensorProto? FindEmbedding(GraphProto graph, string ids)
    {
        var cast = graph.Node.FirstOrDefault(n => n.OpType == "Cast" && n.Input.Count == 1 && n.Input[0] == ids);
        var gather = graph.Node.FirstOrDefault(n => n.OpType == "Gather" && n.Input.Count == 2
            && (n.Input[1] == ids || (cast is not null && n.Input[1] == cast.Output[0])));
        var embedding = graph.Initializer.FirstOrDefault(t => t.Name == gather?.Input[0]);
        return embedding is { Dims.Count: 2 } ? embedding : null;
    }

    // A graph made elsewhere is read again as the import read it; the manifest must say the same.
    private static void CheckForeign(string onnxPath, ModelProto model, ModelManifest manifest, Vocabulary vocabulary)
    {
        var onnx = manifest.Onnx;
        ForeignGraph graph;
        try
        {
            graph = ForeignGraph.Inspect(model, manifest.Tokenizer.MaxLength, onnx.Feed!.Padding, manifest.Labels.Count,
                vocabulary.EmbeddingRows, onnx.Feed.OutputKind);
        }
        catch (InvalidDataException e)
        {
            throw new ModelBundleException(onnxPath, e.Message, e);
        }
        var found = new OnnxInfo(onnx.File, onnx.Sha256, graph.Opset, graph.InputIds, graph.InputLengths, graph.Output, graph.Feed);
        if (found != onnx)
            throw new ModelBundleException(onnxPath, $"the graph has inputs '{graph.InputIds}'{(graph.InputLengths is null ? "" : $", '{graph.InputLengths}'")}, "
                + $"output '{graph.Output}', opset {graph.Opset} and ids of type {graph.Feed.IdsType}, which model.json's onnx section does not match.");
    }

    /// <summary>
    /// model.json is covered by no hash, so its labels must equal the ones the graph was exported with
    /// (LstmGraph's <c>labels</c> metadata): swapped labels would invert every answer.
    /// </summary>
    public static void CheckLabels(string manifestPath, ModelProto model, ModelManifest manifest)
    {
        string? stored = model.MetadataProps.FirstOrDefault(p => p.Key == "labels")?.Value;
        string[]? labels;
        try
        {
            labels = stored is null ? null : JsonSerializer.Deserialize<string[]>(stored);
        }
        catch (JsonException)
        {
            labels = null;
        }
        string listed = JsonSerializer.Serialize(manifest.Labels);
        if (labels is null)
            throw new ModelBundleException(manifestPath,
                $"labels {listed} cannot be checked: the ONNX graph holds no readable 'labels' metadata.");
        if (!labels.SequenceEqual(manifest.Labels))
            throw new ModelBundleException(manifestPath,
                $"labels {listed} differ from the ONNX graph's {JsonSerializer.Serialize(labels)}; model.json was edited or belongs to another model.");
    }

    // Reads the shape the way LstmGraph writes it: the LSTM's direction attribute, and its Y output used only for pooling.
    private static void CheckLstm(string onnxPath, GraphProto graph, ArchitectureInfo architecture)
    {
        void Fail(string reason) => throw new ModelBundleException(onnxPath, reason);

        var lstm = graph.Node.FirstOrDefault(n => n.OpType == "LSTM");
        if (lstm is null)
        {
            Fail("has no LSTM node.");
            return;
        }
        bool bidirectional = lstm.Attribute.FirstOrDefault(a => a.Name == "direction")?.S.ToStringUtf8() == "bidirectional";
        if (bidirectional != architecture.Bidirectional)
            Fail($"LSTM is {(bidirectional ? "bidirectional" : "forward only")} but model.json says architecture.bidirectional is {(architecture.Bidirectional ? "true" : "false")}.");
        var pooling = lstm.Output.Count > 0 && lstm.Output[0].Length > 0 ? StatePooling.LastMaxMean : StatePooling.Last;
        if (pooling != architecture.Pooling)
            Fail($"dense layer reads {PoolingName(pooling)} but model.json says architecture.pooling is {PoolingName(architecture.Pooling)}.");
        long? hidden = lstm.Attribute.FirstOrDefault(a => a.Name == "hidden_size")?.I;
        if (hidden != architecture.LstmUnits)
            Fail($"LSTM has {hidden} units but model.json says architecture.lstmUnits is {architecture.LstmUnits}.");
    }

    private static string PoolingName(StatePooling pooling) => JsonSerializer.Serialize(pooling); // "last", as model.json spells it

    private static IList<TensorShapeProto.Types.Dimension> CheckTensor(
        string onnxPath, IList<ValueInfoProto> tensors, string name, DataType elementType, int rank, string kind)
    {
        var tensor = tensors.FirstOrDefault(t => t.Name == name)
            ?? throw new ModelBundleException(onnxPath,
                $"has no {kind} '{name}' (has {string.Join(", ", tensors.Select(t => $"'{t.Name}'"))}).");
        var type = tensor.Type?.TensorType;
        var dims = type?.Shape?.Dim ?? [];
        if (type?.ElemType != (int)elementType || dims.Count != rank)
            throw new ModelBundleException(onnxPath,
                $"{kind} '{name}' is {TypeName(type?.ElemType ?? 0)} with {dims.Count} dims; expected {TypeName((int)elementType)} with {rank}.");
        return dims;
    }

    internal static string TypeName(int dataType) =>
        Enum.IsDefined((DataType)dataType) ? ((DataType)dataType).ToString().ToLowerInvariant() : $"type {dataType}";
}
