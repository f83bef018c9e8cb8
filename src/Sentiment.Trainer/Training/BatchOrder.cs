namespace Sentiment.Trainer.Training;

/// <summary>Which rows go into which batch.</summary>
internal static class BatchOrder
{
    // Batches are cut from pools of this many batches sorted by length: little padding, yet
    // every epoch still mixes texts of all lengths across its batches.
    private const int PoolBatches = 50;

    /// <summary>
    /// A seeded shuffle of the rows, sorted by length within each pool, cut into batches whose
    /// order is shuffled again. The same <paramref name="random"/> state gives the same batches.
    /// </summary>
    public static List<int[]> ForTraining(EncodedSplit split, int batchSize, Random random)
    {
        int[] order = Enumerable.Range(0, split.Count).ToArray();
        random.Shuffle(order);
        var batches = new List<int[]>();
        int poolSize = batchSize * PoolBatches;
        for (int start = 0; start < order.Length; start += poolSize)
        {
            // A stable sort, so equal lengths keep the shuffled order.
            int[] pool = order[start..Math.Min(start + poolSize, order.Length)]
                .OrderBy(row => split.Ids[row].Length).ToArray();
            batches.AddRange(pool.Chunk(batchSize));
        }
        int[][] shuffled = [.. batches];
        random.Shuffle(shuffled);
        return [.. shuffled];
    }

    /// <summary>Rows sorted by length for fast scoring; results are put back by <see cref="Batch.Rows"/>.</summary>
    public static List<int[]> ForScoring(EncodedSplit split, int batchSize) =>
        [.. Enumerable.Range(0, split.Count).OrderBy(row => split.Ids[row].Length).Chunk(batchSize)];
}
