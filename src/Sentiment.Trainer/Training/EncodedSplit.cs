namespace Sentiment.Trainer.Training;

/// <summary>
/// A split ready for the model: each text's word ids (never empty: a text with no known word is
/// the single padding id 0, as in serving) and its label index.
/// </summary>
internal sealed record EncodedSplit(int[][] Ids, int[] Labels)
{
    public int Count => Ids.Length;
}
