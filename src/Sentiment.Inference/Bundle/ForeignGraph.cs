using Sentiment.Core;
using Sentiment.Inference.Onnx;
using static Sentiment.Inference.Onnx.TensorProto.Types;

namespace Sentiment.Inference;

/// <summary>
/// What a classifier exported elsewhere (PyTorch, Keras) needs to be fed exactly as it was trained,
/// read from its graph: one id input [batch, length], an optional lengths input [batch], one float output.
/// </summary>
/// <param name="EmbeddingDim">Width of the embedding the ids index, or 0 when the graph shows none.</param>
/// <param name="LstmUnits">Hidden size of the first LSTM, or 0 when the graph has none.</param>
internal sealed record ForeignGraph(
    string InputIds, string? InputLengths, string Output, FeedInfo Feed, int Opset, long EmbeddingDim, long LstmUnits)
{
    // Nodes that pass their input's meaning through unchanged, walked back from the output.
    private static readonly HashSet<string> PassThrough = ["Identity", "Reshape", "Squeeze", "Unsqueeze", "Flatten", "Cast"];

    /// <summary>Reads the graph; throws <see cref="InvalidDataException"/> saying what cannot be served faithfully.</summary>
    /// <param name="idRows">Embedding rows the tokenizer's ids need (its words plus padding row 0).</param>
    /// <param name="outputKind">The output kind the user stated, or null to read it from the graph's last node.</param>
    public static ForeignGraph Inspect(ModelProto model, int maxLength, string padding, int labels, int idRows, string? outputKind)
    {
        var graph = model.Graph ?? throw new InvalidDataException("the file holds no ONNX graph.");
        if (graph.Initializer.Any(t => t.DataLocation == DataLocation.External))
            throw new InvalidDataException("the graph keeps weights in external data files; save it as one .onnx file.");
        var initializers = graph.Initializer.Select(t => t.Name).ToHashSet();
        var inputs = graph.Input.Where(i => !initializers.Contains(i.Name)).ToList(); // old exporters list weights as inputs
        var ids = inputs.FirstOrDefault(i => Dims(i).Count == 2);
        var lengths = inputs.FirstOrDefault(i => Dims(i).Count == 1);
        if (ids is null || inputs.Count != (lengths is null ? 1 : 2))
            throw new InvalidDataException(
                $"expected one id input [batch, length] and at most one lengths input [batch], found {Describe(inputs)}.");

        string idsType = TypeOf(ids, FeedInfo.IdsTypes, "id input");
        if (Dims(ids)[0].HasDimValue)
            throw new InvalidDataException(
                $"input '{ids.Name}' has a fixed batch size of {Dims(ids)[0].DimValue}; export it with a dynamic batch axis.");
        if (Dims(ids)[1].HasDimValue && Dims(ids)[1].DimValue != maxLength)
            throw new InvalidDataException($"input '{ids.Name}' takes {Dims(ids)[1].DimValue} ids per row but the length given is {maxLength}.");
        string? lengthsType = lengths is null ? null : TypeOf(lengths, FeedInfo.LengthsTypes, "lengths input");
        if (lengths is not null && padding != "post")
            throw new InvalidDataException($"input '{lengths.Name}' gives true lengths, which count ids from the start of a row: use post padding.");

        if (graph.Output.Count != 1)
            throw new InvalidDataException($"expected one output, found {Describe(graph.Output)}.");
        var output = graph.Output[0];
        TypeOf(output, ["float"], "output");
        var dims = Dims(output);
        long? columns = dims.Count switch
        {
            1 => 1,
            2 => dims[1].HasDimValue ? dims[1].DimValue : null,
            _ => throw new InvalidDataException($"output '{output.Name}' has {dims.Count} dims; expected [batch, classes] or [batch]."),
        };
        string? detected = KindOf(graph, output.Name, columns);
        if (outputKind is not null && detected is not null && outputKind != detected)
            throw new InvalidDataException($"output '{output.Name}' holds {detected} (read from the graph's last node), not {outputKind}.");
        string kind = outputKind ?? detected
            ?? throw new InvalidDataException(
                $"cannot tell whether output '{output.Name}' holds probabilities, logits or a sigmoid (it is made by {Producer(graph, output.Name)?.OpType ?? "no node"}); state it with --output-kind.");
        var feed = new FeedInfo(padding, idsType, kind, lengthsType);
        int expected = feed.OutputColumns(labels);
        if (columns is null && outputKind is null)
            throw new InvalidDataException($"output '{output.Name}' has no fixed number of columns; state what it holds with --output-kind.");
        if (columns is not null && columns != expected)
            throw new InvalidDataException(kind is "sigmoid" or "logit"
                ? $"output '{output.Name}' has {columns} columns; {kind} needs one column and two labels ({labels} given)."
                : $"output '{output.Name}' has {columns} columns but {labels} labels were given.");

        var embedding = BundleCheck.FindEmbedding(graph, ids.Name);
        if (embedding is not null && embedding.Dims[0] < idRows)
            throw new InvalidDataException($"embedding has {embedding.Dims[0]} rows but the tokenizer gives ids up to {idRows - 1}.");
        long units = graph.Node.FirstOrDefault(n => n.OpType == "LSTM")?.Attribute.FirstOrDefault(a => a.Name == "hidden_size")?.I ?? 0;
        int opset = (int)model.OpsetImport.Where(o => o.Domain is "" or "ai.onnx").Select(o => o.Version).FirstOrDefault();
        return new ForeignGraph(ids.Name, lengths?.Name, output.Name, feed, opset, embedding?.Dims[1] ?? 0, units);
    }

    // The last node that gives the output its meaning: Softmax, Sigmoid, or a linear layer's logits.
    private static string? KindOf(GraphProto graph, string output, long? columns)
    {
        var node = Producer(graph, output);
        while (node is not null && PassThrough.Contains(node.OpType))
            node = Producer(graph, node.Input[0]);
        return node?.OpType switch
        {
            "Softmax" when columns != 1 => "probabilities",
            "Sigmoid" => "sigmoid",
            "Gemm" or "MatMul" or "Add" or "LogSoftmax" => columns == 1 ? "logit" : "logits", // softmax of log-probabilities gives them back
            _ => null,
        };
    }

    private static NodeProto? Producer(GraphProto graph, string tensor) => graph.Node.LastOrDefault(n => n.Output.Contains(tensor));

    private static IList<TensorShapeProto.Types.Dimension> Dims(ValueInfoProto value) => value.Type?.TensorType?.Shape?.Dim ?? [];

    private static string TypeOf(ValueInfoProto value, IReadOnlyList<string> allowed, string kind)
    {
        string type = BundleCheck.TypeName(value.Type?.TensorType?.ElemType ?? 0);
        return allowed.Contains(type)
            ? type
            : throw new InvalidDataException($"{kind} '{value.Name}' is {type}; expected {string.Join(" or ", allowed)}.");
    }

    private static string Describe(IEnumerable<ValueInfoProto> values)
    {
        static string Dim(TensorShapeProto.Types.Dimension d) =>
            d.HasDimValue ? d.DimValue.ToString(System.Globalization.CultureInfo.InvariantCulture) : d.DimParam;
        string list = string.Join(", ", values.Select(v =>
            $"'{v.Name}' {BundleCheck.TypeName(v.Type?.TensorType?.ElemType ?? 0)} [{string.Join(", ", Dims(v).Select(Dim))}]"));
        return list.Length > 0 ? list : "none";
    }
}
