using System.Runtime.InteropServices;

namespace Sentiment.Inference;

/// <summary>
/// The few ONNX messages the writer needs, encoded by field number as in onnx.proto
/// (ModelProto, GraphProto, NodeProto, AttributeProto, TensorProto, ValueInfoProto).
/// </summary>
internal static class OnnxProto
{
    // TensorProto.DataType
    public const int Float = 1;
    public const int Int32 = 6;
    public const int Int64 = 7;

    public static string TypeName(int dataType) => dataType switch
    {
        Float => "float",
        Int32 => "int32",
        Int64 => "int64",
        _ => $"type {dataType}",
    };

    // AttributeProto.AttributeType
    private const int AttributeInt = 2;
    private const int AttributeInts = 7;

    public static ProtoWriter Node(string opType, string name, string[] inputs, string[] outputs, params ProtoWriter[] attributes)
    {
        var node = new ProtoWriter();
        foreach (string input in inputs)
            node.String(1, input);
        foreach (string output in outputs)
            node.String(2, output);
        node.String(3, name).String(4, opType);
        foreach (var attribute in attributes)
            node.Message(5, attribute);
        return node;
    }

    public static ProtoWriter IntAttribute(string name, long value) =>
        new ProtoWriter().String(1, name).Int64(3, value).Int64(20, AttributeInt);

    public static ProtoWriter IntsAttribute(string name, params long[] values)
    {
        var attribute = new ProtoWriter().String(1, name);
        foreach (long value in values)
            attribute.Int64(8, value);
        return attribute.Int64(20, AttributeInts);
    }

    public static ProtoWriter FloatTensor(string name, long[] dims, ReadOnlySpan<float> values) =>
        Tensor(name, Float, dims, MemoryMarshal.AsBytes(values));

    public static ProtoWriter Int64Tensor(string name, long[] dims, ReadOnlySpan<long> values) =>
        Tensor(name, Int64, dims, MemoryMarshal.AsBytes(values));

    private static ProtoWriter Tensor(string name, int dataType, long[] dims, ReadOnlySpan<byte> littleEndian)
    {
        if (!BitConverter.IsLittleEndian)
            throw new PlatformNotSupportedException("ONNX raw_data is little-endian.");
        var tensor = new ProtoWriter();
        foreach (long dim in dims)
            tensor.Int64(1, dim);
        return tensor.Int64(2, dataType).String(8, name).Bytes(9, littleEndian.ToArray());
    }

    /// <summary>A tensor input or output; each dimension is a fixed size (int) or a symbolic name (string).</summary>
    public static ProtoWriter ValueInfo(string name, int elementType, params object[] dims)
    {
        var shape = new ProtoWriter();
        foreach (object dim in dims)
        {
            shape.Message(1, dimension => _ = dim is string symbol
                ? dimension.String(2, symbol)
                : dimension.Int64(1, Convert.ToInt64(dim, System.Globalization.CultureInfo.InvariantCulture)));
        }
        var tensorType = new ProtoWriter().Int64(1, elementType).Message(2, shape);
        return new ProtoWriter().String(1, name).Message(2, type => type.Message(1, tensorType));
    }

    public static ProtoWriter StringEntry(string key, string value) => new ProtoWriter().String(1, key).String(2, value);
}
