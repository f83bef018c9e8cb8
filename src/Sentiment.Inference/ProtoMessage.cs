using Google.Protobuf;

namespace Sentiment.Inference;

/// <summary>
/// A protobuf message read into its fields by number, for reading a few fields of a message
/// without generated code. Fixed-width fields are skipped.
/// </summary>
internal sealed class ProtoMessage
{
    private readonly List<(int Field, long Number, ByteString? Bytes)> _fields = [];

    /// <exception cref="InvalidProtocolBufferException">The bytes are not a protobuf message.</exception>
    public static ProtoMessage Parse(ByteString bytes)
    {
        var message = new ProtoMessage();
        var input = bytes.CreateCodedInput();
        for (uint tag = input.ReadTag(); tag != 0; tag = input.ReadTag())
        {
            int field = WireFormat.GetTagFieldNumber(tag);
            switch (WireFormat.GetTagWireType(tag))
            {
                case WireFormat.WireType.Varint:
                    message._fields.Add((field, input.ReadInt64(), null));
                    break;
                case WireFormat.WireType.LengthDelimited:
                    message._fields.Add((field, 0, input.ReadBytes()));
                    break;
                default:
                    input.SkipLastField();
                    break;
            }
        }
        return message;
    }

    public IEnumerable<ProtoMessage> Messages(int field) => Bytes(field).Select(Parse);

    public ProtoMessage? Message(int field) => Bytes(field).Select(Parse).LastOrDefault();

    public IEnumerable<string> Strings(int field) => Bytes(field).Select(bytes => bytes.ToStringUtf8());

    public string String(int field) => Strings(field).LastOrDefault() ?? "";

    public long Int64(int field) => _fields.LastOrDefault(f => f.Field == field && f.Bytes is null).Number;

    public bool Has(int field) => _fields.Exists(f => f.Field == field);

    /// <summary>A repeated integer field, written one by one or packed.</summary>
    public List<long> Int64s(int field)
    {
        var values = new List<long>();
        foreach (var (_, number, bytes) in _fields.Where(f => f.Field == field))
        {
            if (bytes is null)
            {
                values.Add(number);
                continue;
            }
            var packed = bytes.CreateCodedInput();
            while (!packed.IsAtEnd)
                values.Add(packed.ReadInt64());
        }
        return values;
    }

    private IEnumerable<ByteString> Bytes(int field) =>
        _fields.Where(f => f.Field == field && f.Bytes is not null).Select(f => f.Bytes!);
}
