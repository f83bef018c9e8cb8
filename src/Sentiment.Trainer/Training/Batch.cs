using Sentiment.Inference;

namespace Sentiment.Trainer.Training;

/// <summary>Rows of one step as flat arrays, packed as the scorer packs them, to the batch's own longest text.</summary>
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
        int width = rows.Max(row => ModelInput.Length(split.Ids[row].Length));
        var ids = new long[rows.Length * width];
        var lengths = new long[rows.Length];
        var labels = new long[rows.Length];
        for (int i = 0; i < rows.Length; i++)
        {
            lengths[i] = ModelInput.PackRow(split.Ids[rows[i]], ids.AsSpan(i * width, width));
            labels[i] = split.Labels[rows[i]];
        }
        return new Batch(rows, width, ids, lengths, labels);
    }
}
