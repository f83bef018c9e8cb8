using Sentiment.Core;
using Sentiment.Trainer.Training;

namespace Sentiment.Trainer.Data;

/// <summary>Turns labelled rows into model input with Core's encoder, as serving does.</summary>
internal static class TextEncoding
{
    private static readonly int[] PaddingOnly = [0];

    public static EncodedSplit Encode(LabeledRows rows, TextEncoder encoder, IReadOnlyList<string> labels)
    {
        var ids = new int[rows.Rows.Count][];
        var classes = new int[rows.Rows.Count];
        for (int i = 0; i < ids.Length; i++)
        {
            int[] encoded = encoder.Encode(rows.Rows[i].Text).Ids;
            // No known word: one padding token, exactly what SentimentScorer feeds the ONNX graph.
            ids[i] = encoded.Length == 0 ? PaddingOnly : encoded;
            classes[i] = LabelIndex.Of(labels, rows.Rows[i].Label);
        }
        return new EncodedSplit(ids, classes);
    }
}
