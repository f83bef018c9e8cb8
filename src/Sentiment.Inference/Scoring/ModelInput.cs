namespace Sentiment.Inference;

/// <summary>
/// How a text's ids become model input, the same for serving and for training: a text with no
/// known word is read as one padding token (ids [0], length 1), because an LSTM needs at least
/// one step; a batch's rows are right-padded with id 0 to a common width.
/// </summary>
public static class ModelInput
{
    /// <summary>The padding id; embedding row 0 stays zero.</summary>
    public const int PaddingId = 0;

    /// <summary>The ids the model reads for a text: its own, or the single padding token when it has none.</summary>
    public static int[] Ids(int[] ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        return ids.Length == 0 ? [PaddingId] : ids;
    }

    /// <summary>Steps the model reads for a text of <paramref name="idCount"/> ids: at least the one padding token.</summary>
    public static int Length(int idCount) => Math.Max(1, idCount);

    /// <summary>Writes a text's ids into its row of a batch, padded with id 0, and returns the length the model reads.</summary>
    public static int PackRow(ReadOnlySpan<int> ids, Span<long> row)
    {
        int length = Length(ids.Length);
        ArgumentOutOfRangeException.ThrowIfLessThan(row.Length, length, nameof(row));
        row.Fill(PaddingId); // also the one padding token of a text without ids
        for (int i = 0; i < ids.Length; i++)
            row[i] = ids[i];
        return length;
    }
}
