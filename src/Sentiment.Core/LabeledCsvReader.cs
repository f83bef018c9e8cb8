using System.Text;
using nietras.SeparatedValues;

namespace Sentiment.Core;

/// <summary>
/// Streams a comma-separated file (RFC 4180, header row, UTF-8 with or without a BOM) and hands
/// out a text column and an optional label column, plus every field for copying rows through.
/// Problems raise <see cref="DataFileException"/> naming the file and the physical line.
/// </summary>
public sealed class LabeledCsvReader : IDisposable
{
    private readonly SepReader _sep;
    private readonly int _textIndex;
    private readonly int _labelIndex;
    private readonly string[] _fields;

    private LabeledCsvReader(string file, SepReader sep, string[] header, int textIndex, int labelIndex)
    {
        File = file;
        _sep = sep;
        Header = header;
        _textIndex = textIndex;
        _labelIndex = labelIndex;
        _fields = new string[header.Length];
    }

    /// <summary>The file as it was named.</summary>
    public string File { get; }

    /// <summary>Column names from the header row.</summary>
    public IReadOnlyList<string> Header { get; }

    /// <summary>True when the label column is present.</summary>
    public bool HasLabel => _labelIndex >= 0;

    /// <summary>The current row's text field.</summary>
    public string Text => _fields[_textIndex];

    /// <summary>The current row's label field, or null when the file has no label column.</summary>
    public string? Label => HasLabel ? _fields[_labelIndex] : null;

    /// <summary>All fields of the current row, unescaped, in header order.</summary>
    public IReadOnlyList<string> Fields => _fields;

    /// <summary>The 1-based physical line on which the current row starts.</summary>
    public int Line { get; private set; }

    /// <summary>
    /// Opens <paramref name="path"/> and reads its header. When <paramref name="labelRequired"/> is
    /// false, a missing label column is allowed and <see cref="Label"/> is null.
    /// </summary>
    public static LabeledCsvReader Open(string path, string textColumn = "text", string labelColumn = "label", bool labelRequired = true)
    {
        if (!System.IO.File.Exists(path))
            throw new DataFileException(path, null, Directory.Exists(path) ? "is a folder, not a file" : "file not found");
        TextReader text;
        try
        {
            // Strict UTF-8 so a file in another encoding is reported rather than read as garbage.
            text = new StreamReader(path, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DataFileException(path, null, $"cannot be read: {e.Message}", e);
        }
        return Open(path, text, textColumn, labelColumn, labelRequired);
    }

    /// <summary>Reads CSV from <paramref name="text"/>; <paramref name="name"/> is used in messages.</summary>
    public static LabeledCsvReader Open(string name, TextReader text, string textColumn = "text", string labelColumn = "label", bool labelRequired = true)
    {
        SepReader? sep = null;
        try
        {
            // The header is read as a row so it gets the same quote checks; fields are unescaped here
            // rather than by Sep, which accepts malformed quoting silently.
            sep = Sep.New(',').Reader(o => o with { HasHeader = false, DisableColCountCheck = true }).From(text);
            if (!sep.MoveNext())
                throw new DataFileException(name, null, "is empty (expected a header row)");
            var row = sep.Current;
            var header = new string[row.ColCount];
            for (int i = 0; i < header.Length; i++)
                header[i] = CsvField.Unescape(row[i].Span, name, row.LineNumberFrom);
            int textIndex = Array.IndexOf(header, textColumn);
            int labelIndex = Array.IndexOf(header, labelColumn);
            if (textIndex < 0)
                throw MissingColumn(name, textColumn, header);
            if (labelIndex < 0 && labelRequired)
                throw MissingColumn(name, labelColumn, header);
            return new LabeledCsvReader(name, sep, header, textIndex, labelIndex);
        }
        catch (Exception e)
        {
            sep?.Dispose();
            text.Dispose();
            if (e is DataFileException)
                throw;
            throw Wrap(name, e);
        }
    }

    /// <summary>Moves to the next non-blank row; false at the end of the file.</summary>
    public bool Read()
    {
        try
        {
            while (_sep.MoveNext())
            {
                var row = _sep.Current;
                Line = row.LineNumberFrom;
                if (row.ColCount == 1 && row[0].Span.IsEmpty)
                    continue; // a blank line
                // Quoting is checked first: a stray quote is the usual cause of a wrong field count.
                for (int i = 0; i < row.ColCount; i++)
                {
                    string field = CsvField.Unescape(row[i].Span, File, Line);
                    if (i < _fields.Length)
                        _fields[i] = field;
                }
                if (row.ColCount != _fields.Length)
                    throw new DataFileException(File, Line,
                        $"expected {_fields.Length} fields as in the header, found {row.ColCount} (unquoted comma?)");
                return true;
            }
            return false;
        }
        catch (Exception e) when (e is not DataFileException)
        {
            throw Wrap(File, e);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _sep.Dispose();

    private static DataFileException MissingColumn(string file, string column, string[] header) =>
        new(file, 1, $"no column \"{column}\" in the header (found: {string.Join(", ", header.Select(h => $"\"{h}\""))})");

    private static DataFileException Wrap(string file, Exception e) => e switch
    {
        // The reader decodes ahead of the row being parsed, so find the bad byte's line afresh.
        DecoderFallbackException => new DataFileException(file, CsvField.FirstInvalidUtf8Line(file), "is not valid UTF-8", e),
        IOException or UnauthorizedAccessException => new DataFileException(file, null, $"cannot be read: {e.Message}", e),
        _ => new DataFileException(file, null, e.Message, e),
    };
}
