using Sentiment.Api.Contracts;

namespace Sentiment.Api.Explaining;

/// <summary>Turns UTF-16 spans of one text into the unit the client asked for.</summary>
public sealed class OffsetConverter
{
    private readonly int[]? _codePointAt; // code points before each UTF-16 index; null for UTF-16

    public OffsetConverter(string text, OffsetUnit unit)
    {
        if (unit == OffsetUnit.Utf16)
            return;
        _codePointAt = new int[text.Length + 1];
        int count = 0;
        for (int i = 0; i < text.Length; i++)
        {
            _codePointAt[i] = count;
            // The low half of a pair is inside the code point its high half starts.
            if (!(char.IsLowSurrogate(text[i]) && i > 0 && char.IsHighSurrogate(text[i - 1])))
                count++;
        }
        _codePointAt[text.Length] = count;
    }

    public (int Offset, int Length) Convert(int offset, int length) =>
        _codePointAt is null ? (offset, length) : (_codePointAt[offset], _codePointAt[offset + length] - _codePointAt[offset]);
}
