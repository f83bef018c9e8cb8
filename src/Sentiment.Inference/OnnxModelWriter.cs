using System.Text.Json;

namespace Sentiment.Inference;

/// <summary>
/// Writes the Embedding, LSTM, Dense model as an ONNX graph (opset 17, IR version 8) with
/// dynamic <c>batch</c> and <c>seq</c> dimensions. The same weights always give the same bytes.
/// </summary>
public static class OnnxModelWriter
{
    /// <summary>ONNX operator set the graph uses.</summary>
    public const int Opset = 17;

    /// <summary>ONNX IR version matching <see cref="Opset"/>.</summary>
    public const int IrVersion = 8;

    /// <summary>int64 [batch, seq] word ids, right-padded with 0.</summary>
    public const string InputIds = "input_ids";

    /// <summary>int32 [batch] true lengths, 1..seq.</summary>
    public const string InputLengths = "lengths";

    /// <summary>float [batch, classes] softmax probabilities.</summary>
    public const string Output = "probabilities";

    /// <summary>Writes the graph for <paramref name="weights"/>; <paramref name="labels"/> go into the model metadata.</summary>
    public static void Write(Stream stream, LstmWeights weights, IReadOnlyList<string> labels)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(labels);
        weights.Validate();
        if (labels.Count != weights.Classes)
            throw new ArgumentException($"{labels.Count} labels given for {weights.Classes} classes.", nameof(labels));

        var model = new ProtoWriter()
            .Int64(1, IrVersion)
            .String(2, "Sentiment.Inference")
            .Message(7, Graph(weights))
            .Message(8, opset => opset.String(1, "").Int64(2, Opset))
            .Message(14, OnnxProto.StringEntry("labels", JsonSerializer.Serialize(labels)));
        stream.Write(model.ToBytes());
    }

    private static ProtoWriter Graph(LstmWeights w)
    {
        int h = w.Hidden;
        var graph = new ProtoWriter();
        foreach (var node in Nodes(h))
            graph.Message(1, node);
        graph.String(2, "sentiment-lstm")
            .Message(5, OnnxProto.FloatTensor("embedding", [w.EmbeddingRows, w.EmbeddingDim], w.Embedding))
            .Message(5, OnnxProto.FloatTensor("lstm_W", [1, 4 * h, w.EmbeddingDim], OnnxGateOrder(w.WeightIh)))
            .Message(5, OnnxProto.FloatTensor("lstm_R", [1, 4 * h, h], OnnxGateOrder(w.WeightHh)))
            .Message(5, OnnxProto.FloatTensor("lstm_B", [1, 8 * h], [.. OnnxGateOrder(w.BiasIh), .. OnnxGateOrder(w.BiasHh)]))
            .Message(5, OnnxProto.FloatTensor("dense_W", [w.Classes, h], w.DenseWeight))
            .Message(5, OnnxProto.FloatTensor("dense_B", [w.Classes], w.DenseBias))
            .Message(5, OnnxProto.Int64Tensor("squeeze_axes", [1], [0L]))
            .Message(11, OnnxProto.ValueInfo(InputIds, OnnxProto.Int64, "batch", "seq"))
            .Message(11, OnnxProto.ValueInfo(InputLengths, OnnxProto.Int32, "batch"))
            .Message(12, OnnxProto.ValueInfo(Output, OnnxProto.Float, "batch", w.Classes));
        return graph;
    }

    private static IEnumerable<ProtoWriter> Nodes(int hidden)
    {
        yield return OnnxProto.Node("Gather", "embed", ["embedding", InputIds], ["embedded"], OnnxProto.IntAttribute("axis", 0));
        // ORT's CPU LSTM only takes layout 0, time-major [seq, batch, dim].
        yield return OnnxProto.Node("Transpose", "time_major", ["embedded"], ["embedded_t"], OnnxProto.IntsAttribute("perm", 1, 0, 2));
        // sequence_lens stops each row at its true length, so Y_h is the state after its last real token.
        yield return OnnxProto.Node("LSTM", "lstm", ["embedded_t", "lstm_W", "lstm_R", "lstm_B", InputLengths], ["", "lstm_h"],
            OnnxProto.IntAttribute("hidden_size", hidden));
        yield return OnnxProto.Node("Squeeze", "last_state", ["lstm_h", "squeeze_axes"], ["state"]);
        yield return OnnxProto.Node("Gemm", "dense", ["state", "dense_W", "dense_B"], ["logits"], OnnxProto.IntAttribute("transB", 1));
        yield return OnnxProto.Node("Softmax", "softmax", ["logits"], [Output], OnnxProto.IntAttribute("axis", -1));
    }

    /// <summary>Reorders the four gate blocks from PyTorch's i, f, g, o to ONNX's i, o, f, c.</summary>
    internal static float[] OnnxGateOrder(float[] torch)
    {
        int block = torch.Length / 4;
        var onnx = new float[torch.Length];
        ReadOnlySpan<int> fromTorchBlock = [0, 3, 1, 2];
        for (int gate = 0; gate < 4; gate++)
            torch.AsSpan(fromTorchBlock[gate] * block, block).CopyTo(onnx.AsSpan(gate * block));
        return onnx;
    }
}
