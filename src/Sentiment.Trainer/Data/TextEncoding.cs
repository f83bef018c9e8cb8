using Sentiment.Core;
using Sentiment.Inference;
using Sentiment.Trainer.Training;

namespace Sentiment.Trainer.Data;

/// <summary>Turns labelled rows into model input with Core's encoder, as serving does.</summary>
internal static class TextEncoding
{
    public static EncodedSplit Encode(LabeledRows rows, TextEncoder encoder, IReadOnlyList<string> labels)
    {
        var ids = new int[rows.Rows.Count][];
        var classes = new int[rows.Rows.Count];
        for (int i = 0; i < ids.Length; i++)
        {
            // The ids the ONNX graph reads through SentimentScorer, padding token included.
            ids[i] = ModelInput.Ids(encoder.Encode(rows.Rows[i].Text).Ids);
            classes[i] = LabelIndex.Of(labels, rows.Rows[i].Label);
        }
        return new EncodedSplit(ids, classes);
    }
}
