using System.Runtime.InteropServices;
using Google.Protobuf;
using Sentiment.Inference.Onnx;
using static Sentiment.Inference.Onnx.TensorProto.Types;
using Dimension = Sentiment.Inference.Onnx.TensorShapeProto.Types.Dimension;

namespace Sentiment.Inference;

/// <summary>
/// Collects the nodes and initializers of one ONNX graph in the order they are added. Trained
/// weights come before fixed constants (such as axes), so a graph's initializers read like its
/// layers and a stage can add a constant without moving the weights after it.
/// </summary>
internal sealed class GraphBuilder
{
    private readonly List<NodeProto> _nodes = [];
    private readonly List<TensorProto> _weights = [];
    private readonly List<TensorProto> _constants = [];

    /// <summary>Adds a node; an empty output name leaves that output unused.</summary>
    public void Node(string opType, string name, string[] inputs, string[] outputs, params AttributeProto[] attributes) =>
        _nodes.Add(new NodeProto { OpType = opType, Name = name, Input = { inputs }, Output = { outputs }, Attribute = { attributes } });

    /// <summary>Adds a float initializer holding trained values and returns its name.</summary>
    public string Weight(string name, long[] dims, ReadOnlySpan<float> values)
    {
        _weights.Add(Tensor(name, DataType.Float, dims, MemoryMarshal.AsBytes(values)));
        return name;
    }

    /// <summary>Adds an int64 initializer that the graph's shape operators read, and returns its name.</summary>
    public string Constant(string name, long[] dims, ReadOnlySpan<long> values)
    {
        _constants.Add(Tensor(name, DataType.Int64, dims, MemoryMarshal.AsBytes(values)));
        return name;
    }

    /// <summary>Adds a float initializer that is not trained (such as a fill value) and returns its name.</summary>
    public string FloatConstant(string name, long[] dims, ReadOnlySpan<float> values)
    {
        _constants.Add(Tensor(name, DataType.Float, dims, MemoryMarshal.AsBytes(values)));
        return name;
    }

    public GraphProto ToGraph(string name, ValueInfoProto[] inputs, ValueInfoProto[] outputs) => new()
    {
        Node = { _nodes },
        Name = name,
        Initializer = { _weights, _constants },
        Input = { inputs },
        Output = { outputs },
    };

    public static AttributeProto Int(string name, long value) =>
        new() { Name = name, I = value, Type = AttributeProto.Types.AttributeType.Int };

    public static AttributeProto String(string name, string value) =>
        new() { Name = name, S = ByteString.CopyFromUtf8(value), Type = AttributeProto.Types.AttributeType.String };

    public static AttributeProto Ints(string name, params long[] values) =>
        new() { Name = name, Ints = { values }, Type = AttributeProto.Types.AttributeType.Ints };

    /// <summary>A tensor input or output of the graph.</summary>
    public static ValueInfoProto Tensor(string name, DataType elementType, params Dimension[] dims) => new()
    {
        Name = name,
        Type = new TypeProto
        {
            TensorType = new TypeProto.Types.Tensor { ElemType = (int)elementType, Shape = new TensorShapeProto { Dim = { dims } } },
        },
    };

    /// <summary>A dimension given at run time, such as <c>batch</c>.</summary>
    public static Dimension Dim(string symbol) => new() { DimParam = symbol };

    /// <summary>A dimension fixed in the graph.</summary>
    public static Dimension Dim(long size) => new() { DimValue = size };

    private static TensorProto Tensor(string name, DataType dataType, long[] dims, ReadOnlySpan<byte> littleEndian)
    {
        if (!BitConverter.IsLittleEndian)
            throw new PlatformNotSupportedException("ONNX raw_data is little-endian.");
        return new TensorProto { Dims = { dims }, DataType = (int)dataType, Name = name, RawData = ByteString.CopyFrom(littleEndian) };
    }
}
