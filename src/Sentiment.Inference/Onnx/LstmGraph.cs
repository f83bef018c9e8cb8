using System.Text.Json;
using Google.Protobuf;
using Sentiment.Inference.Onnx;
using static Sentiment.Inference.GraphBuilder;
using static Sentiment.Inference.Onnx.TensorProto.Types;

namespace Sentiment.Inference;

/// <summary>
/// The Embedding, LSTM, Dense model as an ONNX graph (opset 17, IR version 8) with dynamic
/// <c>batch</c> and <c>seq</c> dimensions. The same weights always give the same bytes.
/// </summary>
/// <remarks>
/// Each stage adds its nodes and weights and returns the name of the tensor it produced, so a
/// variant of the model is one more stage (or another stage in the same place) in <see cref="Build"/>.
/// </remarks>
public static class LstmGraph
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
        Build(weights, labels).WriteTo(stream);
    }

    internal static ModelProto Build(LstmWeights weights, IReadOnlyList<string> labels)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(labels);
        weights.Validate();
        if (labels.Count != weights.Classes)
            throw new ArgumentException($"{labels.Count} labels given for {weights.Classes} classes.", nameof(labels));

        var graph = new GraphBuilder();
        string embedded = Embed(graph, weights);
        string lastState = Lstm(graph, weights, embedded);
        string logits = Dense(graph, weights, lastState);
        graph.Node("Softmax", "softmax", [logits], [Output], Int("axis", -1));

        return new ModelProto
        {
            IrVersion = IrVersion,
            ProducerName = "Sentiment.Inference",
            Graph = graph.ToGraph("sentiment-lstm",
                [Tensor(InputIds, DataType.Int64, Dim("batch"), Dim("seq")), Tensor(InputLengths, DataType.Int32, Dim("batch"))],
                [Tensor(Output, DataType.Float, Dim("batch"), Dim(weights.Classes))]),
            OpsetImport = { new OperatorSetIdProto { Domain = "", Version = Opset } },
            MetadataProps = { new StringStringEntryProto { Key = "labels", Value = JsonSerializer.Serialize(labels) } },
        };
    }

    /// <summary>[batch, seq] ids to time-major [seq, batch, dim] vectors.</summary>
    private static string Embed(GraphBuilder graph, LstmWeights w)
    {
        string table = graph.Weight("embedding", [w.EmbeddingRows, w.EmbeddingDim], w.Embedding);
        graph.Node("Gather", "embed", [table, InputIds], ["embedded"], Int("axis", 0));
        // ORT's CPU LSTM only takes layout 0, time-major [seq, batch, dim].
        graph.Node("Transpose", "time_major", ["embedded"], ["embedded_t"], Ints("perm", 1, 0, 2));
        return "embedded_t";
    }

    /// <summary>A forward LSTM; returns each row's state after its last real token, [batch, hidden].</summary>
    private static string Lstm(GraphBuilder graph, LstmWeights w, string input)
    {
        int h = w.Hidden;
        string[] inputs =
        [
            input,
            graph.Weight("lstm_W", [1, 4 * h, w.EmbeddingDim], OnnxGateOrder(w.WeightIh)),
            graph.Weight("lstm_R", [1, 4 * h, h], OnnxGateOrder(w.WeightHh)),
            graph.Weight("lstm_B", [1, 8 * h], [.. OnnxGateOrder(w.BiasIh), .. OnnxGateOrder(w.BiasHh)]),
            InputLengths,
        ];
        // sequence_lens stops each row at its true length, so Y_h is the state after its last real token.
        // Y (every step's state, zero past each length) is left unused; pooling over it would read it here.
        graph.Node("LSTM", "lstm", inputs, ["", "lstm_h"], Int("hidden_size", h));
        graph.Node("Squeeze", "last_state", ["lstm_h", graph.Constant("squeeze_axes", [1], [0L])], ["state"]);
        return "state";
    }

    /// <summary>[batch, hidden] to [batch, classes] logits.</summary>
    private static string Dense(GraphBuilder graph, LstmWeights w, string input)
    {
        string weight = graph.Weight("dense_W", [w.Classes, w.Hidden], w.DenseWeight);
        string bias = graph.Weight("dense_B", [w.Classes], w.DenseBias);
        graph.Node("Gemm", "dense", [input, weight, bias], ["logits"], Int("transB", 1));
        return "logits";
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
