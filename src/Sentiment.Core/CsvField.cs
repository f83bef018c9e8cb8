using System.Buffers;
using System.Text.Unicode;

namespace Sentiment.Core;

/// <summary>RFC 4180 field rules, checked strictly: Sep itself accepts malformed quoting without a word.</summary>
internal static class CsvField
{
    /// <summary>The field's value: as is when unquoted, else without the outer quotes and with <c>""</c> as <c>"</c>.</summary>
    public static string Unescape(ReadOnlySpan<char> raw, string file, int line)
    {
        int quote = raw.IndexOf('"');
        if (quote < 0)
            return raw.ToString();
        if (quote > 0)
            throw new DataFileException(file, line, "a quote inside an unquoted field (quote the whole field and double the quote)");
        if (raw.Length < 2 || raw[^1] != '"')
            throw new DataFileException(file, line,
                raw[1..].Contains('"') ? "text after a closing quote" : "a quoted field is never closed");
        var inner = raw[1..^1];
        var value = new char[inner.Length];
        int length = 0;
        for (int i = 0; i < inner.Length; i++)
        {
            if (inner[i] == '"')
            {
                if (i + 1 >= inner.Length || inner[i + 1] != '"')
                    throw new DataFileException(file, line, "a lone quote inside a quoted field (write it as \"\")");
                i++;
            }
            value[length++] = inner[i];
        }
        return new string(value, 0, length);
    }

    /// <summary>The 1-based line of the first byte sequence that is not UTF-8, or null if there is none.</summary>
    public static int? FirstInvalidUtf8Line(string path)
    {
        if (!File.Exists(path))
            return null;
        byte[] bytes = File.ReadAllBytes(path);
        char[] chars = ArrayPool<char>.Shared.Rent(bytes.Length + 1);
        try
        {
            var status = Utf8.ToUtf16(bytes, chars, out int read, out _, replaceInvalidSequences: false);
            return status == OperationStatus.InvalidData ? bytes.AsSpan(0, read).Count((byte)'\n') + 1 : null;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }
}
