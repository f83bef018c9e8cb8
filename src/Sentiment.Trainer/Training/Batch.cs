namespace Sentiment.Trainer.Training;

/// <summary>Rows of one step as flat arrays, padded to the batch's own longest text.</summary>
internal sealed class Batch
{
    private Batch(int[] rows, int width, long[] ids, long[] lengths, long[] labels)
    {
        Rows = rows;
        Width = width;
        Ids = ids;
        Lengths = lengths;
        Labels = labels;
    }

    /// <summary>Indices of the rows in their split, in batch order.</summary>
    public int[] Rows { get; }
    public int Count => Rows.Length;
    public int Width { get; }
    public long[] Ids { get; }
    public long[] Lengths { get; }
    public long[] Labels { get; }

    public static Batch Create(EncodedSplit split, int[] rows)
    {
        int width = rows.Max(row => split.Ids[row].Length);
        var ids = new long[rows.Length * width]; // zeros after each text are the padding
        var lengths = new long[rows.Length];
        var labels = new long[rows.Length];
        for (int i = 0; i < rows.Length; i++)
        {
            int[] text = split.Ids[rows[i]];
            for (int t = 0; t < text.Length; t++)
                ids[i * width + t] = text[t];
            lengths[i] = text.Length;
            labels[i] = split.Labels[rows[i]];
        }
        return new Batch(rows, width, ids, lengths, labels);
    }
}
