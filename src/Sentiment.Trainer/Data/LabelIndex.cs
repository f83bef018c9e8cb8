namespace Sentiment.Trainer.Data;

/// <summary>Position of a label in the model's output order.</summary>
internal static class LabelIndex
{
    public static int Of(IReadOnlyList<string> labels, string label)
    {
        for (int i = 0; i < labels.Count; i++)
        {
            if (labels[i] == label)
                return i;
        }
        throw new ArgumentException($"\"{label}\" is not one of the labels ({string.Join(", ", labels)}).", nameof(label));
    }
}
