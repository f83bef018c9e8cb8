using System.Globalization;
using Google.Protobuf;

namespace Sentiment.Inference;

/// <summary>A graph input or output: element type (TensorProto.DataType) and dims (a number or a symbolic name).</summary>
internal sealed record OnnxTensorInfo(string Name, int ElementType, IReadOnlyList<string> Dims);

/// <summary>A node's operator and input names.</summary>
internal sealed record OnnxNodeInfo(string OpType, IReadOnlyList<string> Inputs);

/// <summary>What a bundle check needs to know about an ONNX file, read without ONNX Runtime.</summary>
internal sealed record OnnxGraphInfo(
    long Opset,
    IReadOnlyList<OnnxTensorInfo> Inputs,
    IReadOnlyList<OnnxTensorInfo> Outputs,
    IReadOnlyDictionary<string, long[]> InitializerDims,
    IReadOnlyList<OnnxNodeInfo> Nodes);

/// <summary>Reads the structure of an ONNX model, field numbers as in onnx.proto.</summary>
internal static class OnnxGraphReader
{
    /// <exception cref="InvalidProtocolBufferException">The bytes are not a protobuf message.</exception>
    /// <exception cref="InvalidDataException">The model has no graph.</exception>
    public static OnnxGraphInfo Read(byte[] bytes)
    {
        var model = ProtoMessage.Parse(ByteString.CopyFrom(bytes));
        var graph = model.Message(7) ?? throw new InvalidDataException("the file holds no ONNX graph.");
        long opset = model.Messages(8).Where(o => o.String(1) is "" or "ai.onnx").Select(o => o.Int64(2)).FirstOrDefault();
        return new OnnxGraphInfo(
            opset,
            [.. graph.Messages(11).Select(ReadValueInfo)],
            [.. graph.Messages(12).Select(ReadValueInfo)],
            graph.Messages(5).ToDictionary(tensor => tensor.String(8), tensor => tensor.Int64s(1).ToArray()),
            [.. graph.Messages(1).Select(node => new OnnxNodeInfo(node.String(4), [.. node.Strings(1)]))]);
    }

    private static OnnxTensorInfo ReadValueInfo(ProtoMessage valueInfo)
    {
        // ValueInfoProto.type -> TypeProto.tensor_type -> (elem_type, shape.dim[])
        var tensor = valueInfo.Message(2)?.Message(1);
        var dims = tensor?.Message(2)?.Messages(1).Select(dim => dim.Has(1)
            ? dim.Int64(1).ToString(CultureInfo.InvariantCulture)
            : dim.String(2));
        return new OnnxTensorInfo(valueInfo.String(1), (int)(tensor?.Int64(1) ?? 0), [.. dims ?? []]);
    }
}
