using Sentiment.Core;

namespace Sentiment.Trainer.Data;

/// <summary>
/// Reads labelled CSV files. Rows whose text is empty or whitespace are skipped, counted and
/// reported; with a label filter, rows of other labels are skipped and counted too.
/// </summary>
internal sealed class DataReader(DataColumns columns, Action<string> warn)
{
    public LabeledRows Read(IReadOnlyList<string> files, IReadOnlyCollection<string>? labelFilter = null)
    {
        var rows = new List<LabeledRow>();
        int skipped = 0;
        foreach (string file in files)
        {
            using var reader = LabeledCsvReader.Open(file, columns.Text, columns.Label);
            var empty = new EmptyTextRows(file);
            int filtered = 0;
            while (reader.Read())
            {
                string label = reader.Label!.Trim();
                if (empty.Check(reader.Text, reader.Line))
                    continue;
                if (label.Length == 0)
                    throw new DataFileException(file, reader.Line, $"the \"{columns.Label}\" field is empty");
                else if (labelFilter is not null && !labelFilter.Contains(label))
                    filtered++;
                else
                    rows.Add(new LabeledRow(reader.Text, label, file, reader.Line));
            }
            empty.Warn(warn, "skipped");
            skipped += empty.Count + filtered;
        }
        return new LabeledRows(rows, skipped);
    }
}
