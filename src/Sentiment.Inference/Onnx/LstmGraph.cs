using System.Text.Json;
using Sentiment.Core;
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
        var (allStates, lastState) = Lstm(graph, weights, embedded);
        string features = allStates is null ? lastState : StatePoolingStage.Add(graph, allStates, lastState);
        string logits = Dense(graph, weights, features);
        if (weights.Temperature != 1)
            logits = Temperature(graph, weights, logits);
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

    /// <summary>
    /// A forward or bidirectional LSTM. Returns each row's state after its last real token, [batch, H x directions]
    /// (forward then backward, as PyTorch's cat(h_n[0], h_n[1])), and, when the weights pool, every step's state
    /// [seq, directions, batch, H]; otherwise null.
    /// </summary>
    private static (string? AllStates, string LastState) Lstm(GraphBuilder graph, LstmWeights w, string input)
    {
        int h = w.Hidden, directions = w.Directions;
        LstmDirection[] parts = [new(w.WeightIh, w.WeightHh, w.BiasIh, w.BiasHh), .. w.Reverse is null ? [] : new[] { w.Reverse }];
        string[] inputs =
        [
            input,
            graph.Weight("lstm_W", [directions, 4 * h, w.EmbeddingDim], [.. parts.SelectMany(d => OnnxGateOrder(d.WeightIh))]),
            graph.Weight("lstm_R", [directions, 4 * h, h], [.. parts.SelectMany(d => OnnxGateOrder(d.WeightHh))]),
            graph.Weight("lstm_B", [directions, 8 * h], [.. parts.SelectMany(d => OnnxGateOrder(d.BiasIh).Concat(OnnxGateOrder(d.BiasHh)))]),
            InputLengths,
        ];
        // sequence_lens stops each row at its true length, so Y_h is the state after its last real token, and the
        // backward direction starts at that token, as PyTorch's packed sequences do. Y (every step's state, zero
        // past each length) is read only by pooling.
        string? allStates = w.Pooling == StatePooling.LastMaxMean ? "lstm_y" : null;
        AttributeProto[] attributes = directions == 1
            ? [Int("hidden_size", h)]
            : [Int("hidden_size", h), GraphBuilder.String("direction", "bidirectional")];
        graph.Node("LSTM", "lstm", inputs, [allStates ?? "", "lstm_h"], attributes);
        if (directions == 1)
        {
            graph.Node("Squeeze", "last_state", ["lstm_h", graph.Constant("squeeze_axes", [1], [0L])], ["state"]);
            return (allStates, "state");
        }
        // Y_h [2, batch, H] to [batch, 2H], forward state first.
        graph.Node("Transpose", "last_state_batch_major", ["lstm_h"], ["lstm_h_t"], Ints("perm", 1, 0, 2));
        graph.Node("Reshape", "last_state", ["lstm_h_t", graph.Constant("state_shape", [2], [0L, -1L])], ["state"]);
        return (allStates, "state");
    }

    /// <summary>[batch, features] to [batch, classes] logits.</summary>
    private static string Dense(GraphBuilder graph, LstmWeights w, string input)
    {
        string weight = graph.Weight("dense_W", [w.Classes, w.Features], w.DenseWeight);
        string bias = graph.Weight("dense_B", [w.Classes], w.DenseBias);
        graph.Node("Gemm", "dense", [input, weight, bias], ["logits"], Int("transB", 1));
        return "logits";
    }

    /// <summary>Logits divided by the fitted temperature, so the file itself gives calibrated probabilities.</summary>
    private static string Temperature(GraphBuilder graph, LstmWeights w, string logits)
    {
        string temperature = graph.Weight("temperature", [], [(float)w.Temperature]);
        graph.Node("Div", "calibrate", [logits, temperature], ["calibrated_logits"]);
        return "calibrated_logits";
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
