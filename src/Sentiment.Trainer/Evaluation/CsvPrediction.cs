using System.Globalization;
using System.Text;
using Sentiment.Core;
using Sentiment.Inference;
using Sentiment.Trainer.Data;

namespace Sentiment.Trainer.Evaluation;

/// <summary>
/// Streams a CSV through the scorer in batches and writes each row back with the predicted label
/// and one probability column per class. A row with empty text is written with those columns empty,
/// so the output keeps every input row. Writes a temporary file and moves it into place at the end.
/// </summary>
internal sealed class CsvPrediction(SentimentScorer scorer, string textColumn, int batchSize, Action<string> warn)
{
    /// <summary>Scores every row; <paramref name="progress"/> gets the share of lines read.</summary>
    /// <returns>The rows scored, and the rows with empty text written without a prediction.</returns>
    public (int Scored, int Empty) Score(string input, string output, Action<double> progress)
    {
        CheckOutput(output);
        int totalLines = Math.Max(1, CountLines(input));
        using var reader = LabeledCsvReader.Open(input, textColumn, labelRequired: false);
        var empty = new EmptyTextRows(input);
        string partial = $"{output}.partial"; // replaced if a killed run left one
        int rows = 0;
        try
        {
            using (var writer = OpenWriter(partial, output))
            {
                var labels = scorer.Bundle.Labels;
                WriteLine(writer, [.. reader.Header, "predicted_label", .. labels.Select(label => $"p_{label}")]);
                var batch = new List<(string[] Fields, string? Text)>(batchSize);
                while (true)
                {
                    bool more = reader.Read();
                    if (more)
                        batch.Add(([.. reader.Fields], empty.Check(reader.Text, reader.Line) ? null : reader.Text));
                    if (batch.Count == batchSize || (!more && batch.Count > 0))
                    {
                        WriteBatch(writer, batch);
                        rows += batch.Count;
                        batch.Clear();
                        progress(Math.Min(1, (double)reader.Line / totalLines));
                    }
                    if (!more)
                        break;
                }
            }
            File.Move(partial, output, overwrite: true);
            empty.Warn(warn, "did not score");
            return (rows - empty.Count, empty.Count);
        }
        finally
        {
            if (File.Exists(partial)) // gone already after a successful move
                File.Delete(partial);
        }
    }

    // Rows without text get empty prediction columns and never reach the scorer.
    private void WriteBatch(TextWriter writer, List<(string[] Fields, string? Text)> batch)
    {
        string[] texts = [.. batch.Select(row => row.Text).OfType<string>()];
        Prediction[] predictions = texts.Length == 0 ? [] : scorer.Predict(texts);
        string[] noPrediction = [.. Enumerable.Repeat("", 1 + scorer.Classes)];
        int next = 0;
        foreach (var (fields, text) in batch)
        {
            if (text is null)
            {
                WriteLine(writer, [.. fields, .. noPrediction]);
                continue;
            }
            var p = predictions[next++];
            WriteLine(writer, [.. fields, p.Label, .. p.Probabilities.Select(v => v.ToString("0.######", CultureInfo.InvariantCulture))]);
        }
    }

    // Says what is wrong with the output path before any scoring, in one line.
    private static void CheckOutput(string output)
    {
        if (Directory.Exists(output))
            throw new TrainerException($"{output}: is a folder; --output must name a file.");
        string? folder = Path.GetDirectoryName(Path.GetFullPath(output));
        if (folder is not null && !Directory.Exists(folder))
            throw new TrainerException($"{output}: cannot be written: the folder {folder} does not exist.");
    }

    private static StreamWriter OpenWriter(string partial, string output)
    {
        try
        {
            return new StreamWriter(partial, append: false, new UTF8Encoding(false)) { NewLine = "\n" };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new TrainerException($"{output}: cannot be written ({e.Message}).", e);
        }
    }

    // RFC 4180: quote a field holding a comma, quote or line break, and double its quotes.
    private static void WriteLine(TextWriter writer, IEnumerable<string> fields)
    {
        writer.Write(string.Join(',', fields.Select(field =>
            field.AsSpan().IndexOfAny(",\"\r\n") < 0 ? field : $"\"{field.Replace("\"", "\"\"")}\"")));
        writer.Write('\n');
    }

    private static int CountLines(string path)
    {
        if (!File.Exists(path))
            return 0;
        using var stream = File.OpenRead(path);
        var buffer = new byte[1 << 16];
        int lines = 0, read;
        while ((read = stream.Read(buffer)) > 0)
            lines += buffer.AsSpan(0, read).Count((byte)'\n');
        return lines;
    }
}
