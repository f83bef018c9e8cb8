using Sentiment.Core;

namespace Sentiment.Trainer.Data;

/// <summary>
/// Reads labelled CSV files. Rows whose text is empty or whitespace are skipped, counted and
/// reported; with a label filter, rows of other labels are skipped and counted too.
/// </summary>
internal sealed class DataReader(DataColumns columns, Action<string> warn)
{
    private const int LinesShown = 5;

    public LabeledRows Read(IReadOnlyList<string> files, IReadOnlyCollection<string>? labelFilter = null)
    {
        var rows = new List<LabeledRow>();
        int skipped = 0;
        foreach (string file in files)
        {
            using var reader = LabeledCsvReader.Open(file, columns.Text, columns.Label);
            var emptyLines = new List<int>();
            int filtered = 0;
            while (reader.Read())
            {
                string label = reader.Label!.Trim();
                if (string.IsNullOrWhiteSpace(reader.Text))
                    emptyLines.Add(reader.Line);
                else if (label.Length == 0)
                    throw new DataFileException(file, reader.Line, $"the \"{columns.Label}\" field is empty");
                else if (labelFilter is not null && !labelFilter.Contains(label))
                    filtered++;
                else
                    rows.Add(new LabeledRow(reader.Text, label, file, reader.Line));
            }
            if (emptyLines.Count > 0)
                warn($"{file}: skipped {emptyLines.Count} row(s) with empty text (line {LinesList(emptyLines)})");
            skipped += emptyLines.Count + filtered;
        }
        return new LabeledRows(rows, skipped);
    }

    private static string LinesList(List<int> lines) =>
        string.Join(", ", lines.Take(LinesShown)) + (lines.Count > LinesShown ? ", …" : "");
}
