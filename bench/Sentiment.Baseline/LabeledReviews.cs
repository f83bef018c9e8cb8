using nietras.SeparatedValues;

namespace Sentiment.Baseline;

/// <summary>One labelled text as ML.NET sees it: Label is true for 'positive'.</summary>
sealed class Review
{
    public string Text { get; set; } = "";
    public bool Label { get; set; }
}

/// <summary>A data problem, reported as one line naming the file and, where it applies, the line.</summary>
sealed class DataFileException(string file, int? line, string message)
    : Exception(line is null ? $"{file}: {message}" : $"{file}:{line}: {message}");

static class LabeledReviews
{
    /// <summary>Reads an RFC 4180 CSV with 'text' and 'label' columns; counts the neutral rows it skips.</summary>
    public static List<Review> Read(string file, bool dropNeutral, out int skipped)
    {
        if (!File.Exists(file)) throw new DataFileException(file, null, "file not found");
        using var reader = Sep.Reader(o => o with { Unescape = true }).FromFile(file);
        if (!reader.Header.TryIndexOf("text", out int textCol) || !reader.Header.TryIndexOf("label", out int labelCol))
            throw new DataFileException(file, 1, "the header needs columns 'text' and 'label'");

        var reviews = new List<Review>();
        skipped = 0;
        foreach (var row in reader)
        {
            var label = row[labelCol].Span;
            bool positive = label.SequenceEqual("positive");
            if (!positive && !label.SequenceEqual("negative"))
            {
                if (dropNeutral && label.SequenceEqual("neutral")) { skipped++; continue; }
                throw new DataFileException(file, row.LineNumberFrom,
                    $"label '{label}' is not negative/positive" + (label.SequenceEqual("neutral") ? " (use --drop-neutral)" : ""));
            }
            reviews.Add(new Review { Text = row[textCol].ToString(), Label = positive });
        }
        if (reviews.Count == 0) throw new DataFileException(file, null, "no negative/positive rows");
        return reviews;
    }
}
