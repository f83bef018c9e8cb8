using Google.Protobuf;

namespace Sentiment.Inference;

/// <summary>
/// Writes one protobuf message field by field. Nested messages are built in their own writer and
/// then written length-prefixed, so no generated code is needed. Field order is the call order,
/// which keeps the bytes deterministic.
/// </summary>
internal sealed class ProtoWriter
{
    private readonly MemoryStream _buffer = new();
    private readonly CodedOutputStream _output;

    public ProtoWriter() => _output = new CodedOutputStream(_buffer, leaveOpen: true);

    public ProtoWriter Int64(int field, long value)
    {
        _output.WriteTag(field, WireFormat.WireType.Varint);
        _output.WriteInt64(value);
        return this;
    }

    public ProtoWriter Float(int field, float value)
    {
        _output.WriteTag(field, WireFormat.WireType.Fixed32);
        _output.WriteFloat(value);
        return this;
    }

    public ProtoWriter String(int field, string value)
    {
        _output.WriteTag(field, WireFormat.WireType.LengthDelimited);
        _output.WriteString(value);
        return this;
    }

    public ProtoWriter Bytes(int field, ReadOnlyMemory<byte> value)
    {
        _output.WriteTag(field, WireFormat.WireType.LengthDelimited);
        _output.WriteBytes(UnsafeByteOperations.UnsafeWrap(value));
        return this;
    }

    public ProtoWriter Message(int field, ProtoWriter message) => Bytes(field, message.ToBytes());

    public ProtoWriter Message(int field, Action<ProtoWriter> build)
    {
        var message = new ProtoWriter();
        build(message);
        return Message(field, message);
    }

    public byte[] ToBytes()
    {
        _output.Flush();
        return _buffer.ToArray();
    }
}
