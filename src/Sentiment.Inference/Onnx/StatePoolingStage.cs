using static Sentiment.Inference.GraphBuilder;
using static Sentiment.Inference.Onnx.TensorProto.Types;

namespace Sentiment.Inference;

/// <summary>
/// The <c>last-max-mean</c> features: the last state beside the max and the mean of every real
/// token's state. Positions at or past a row's length are masked out of both, so a text scores
/// the same alone or padded in a batch.
/// </summary>
internal static class StatePoolingStage
{
    /// <param name="allStates">LSTM Y, [seq, directions, batch, H].</param>
    /// <param name="lastState">[batch, directions x H].</param>
    /// <returns>[batch, 3 x directions x H]: last, max, mean.</returns>
    public static string Add(GraphBuilder graph, string allStates, string lastState)
    {
        // [seq, dirs, batch, H] to [batch, seq, dirs x H], each step's directions side by side as in the last state.
        graph.Node("Transpose", "states_batch_major", [allStates], ["states_t"], Ints("perm", 2, 0, 1, 3));
        graph.Node("Reshape", "states", ["states_t", graph.Constant("states_shape", [3], [0L, 0L, -1L])], ["states"]);

        string real = RealTokenMask(graph);
        // Opset 17: ReduceMax takes its axes as an attribute, ReduceSum as an input.
        graph.Node("Where", "mask_for_max", [real, "states", graph.FloatConstant("padding_fill", [], [float.NegativeInfinity])], ["states_or_minus_inf"]);
        graph.Node("ReduceMax", "max_state", ["states_or_minus_inf"], ["max_state"], Ints("axes", 1), Int("keepdims", 0));

        graph.Node("Cast", "mask_as_float", [real], ["real_float"], Int("to", (long)DataType.Float));
        graph.Node("Mul", "mask_for_mean", ["states", "real_float"], ["real_states"]);
        graph.Node("ReduceSum", "state_sum", ["real_states", graph.Constant("time_axis", [1], [1L])], ["state_sum"], Int("keepdims", 0));
        graph.Node("Cast", "lengths_as_float", ["lengths_column"], ["lengths_float"], Int("to", (long)DataType.Float));
        graph.Node("Div", "mean_state", ["state_sum", "lengths_float"], ["mean_state"]);

        graph.Node("Concat", "features", [lastState, "max_state", "mean_state"], ["features"], Int("axis", 1));
        return "features";
    }

    /// <summary>bool [batch, seq, 1]: true where the position is below the row's length. Also leaves int64 [batch, 1] lengths_column.</summary>
    private static string RealTokenMask(GraphBuilder graph)
    {
        graph.Node("Shape", "ids_shape", [LstmGraph.InputIds], ["ids_shape"]);
        graph.Node("Gather", "seq_length", ["ids_shape", graph.Constant("seq_dim", [], [1L])], ["seq_length"], Int("axis", 0));
        graph.Node("Range", "positions", [graph.Constant("range_start", [], [0L]), "seq_length", graph.Constant("range_step", [], [1L])], ["positions"]);
        graph.Node("Cast", "lengths_as_int64", [LstmGraph.InputLengths], ["lengths_int64"], Int("to", (long)DataType.Int64));
        graph.Node("Unsqueeze", "lengths_column", ["lengths_int64", graph.Constant("column_axis", [1], [1L])], ["lengths_column"]);
        graph.Node("Less", "real_positions", ["positions", "lengths_column"], ["real_positions"]); // [seq] < [batch, 1]: [batch, seq]
        graph.Node("Unsqueeze", "real_token_mask", ["real_positions", graph.Constant("feature_axis", [1], [2L])], ["real"]);
        return "real";
    }
}
