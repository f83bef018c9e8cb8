using Sentiment.Core;

namespace Sentiment.Baseline;

/// <summary>One labelled text as ML.NET sees it: Label is true for 'positive'.</summary>
sealed class Review
{
    public string Text { get; set; } = "";
    public bool Label { get; set; }
}

static class LabeledReviews
{
    /// <summary>Reads a CSV with 'text' and 'label' columns; counts the neutral rows it skips.</summary>
    public static List<Review> Read(string file, bool dropNeutral, out int skipped)
    {
        using var reader = LabeledCsvReader.Open(file);
        var reviews = new List<Review>();
        skipped = 0;
        while (reader.Read())
        {
            string label = reader.Label!;
            if (label is not ("positive" or "negative"))
            {
                if (dropNeutral && label == "neutral") { skipped++; continue; }
                throw new DataFileException(file, reader.Line,
                    $"label '{label}' is not negative/positive" + (label == "neutral" ? " (use --drop-neutral)" : ""));
            }
            reviews.Add(new Review { Text = reader.Text, Label = label == "positive" });
        }
        if (reviews.Count == 0) throw new DataFileException(file, null, "no negative/positive rows");
        return reviews;
    }
}
