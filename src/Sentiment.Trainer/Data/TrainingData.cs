using Sentiment.Core;

namespace Sentiment.Trainer.Data;

/// <summary>The splits of a training run and the label order the model will use.</summary>
internal sealed record TrainingData(IReadOnlyList<string> Labels, LabeledRows Train, LabeledRows Validation, LabeledRows? Test)
{
    /// <summary>
    /// Labels are the <paramref name="labelFilter"/> in its order, or else the training labels
    /// sorted ordinally, so the output order is stable. At least two classes must have rows.
    /// </summary>
    public static IReadOnlyList<string> LabelsOf(LabeledRows train, string trainFile, IReadOnlyList<string>? labelFilter)
    {
        var found = train.Rows.Select(row => row.Label).Distinct().Order(StringComparer.Ordinal).ToList();
        if (labelFilter is not null)
        {
            string? missing = labelFilter.FirstOrDefault(label => !found.Contains(label));
            if (missing is not null)
                throw new DataFileException(trainFile, null, $"no training row has the label \"{missing}\" given in --labels");
            return labelFilter;
        }
        if (found.Count < 2)
            throw new DataFileException(trainFile, null,
                $"needs at least two classes to learn from, found {found.Count}{(found.Count == 1 ? $" (\"{found[0]}\")" : "")}");
        return found;
    }

    /// <summary>Fails on the first row whose label the model cannot output.</summary>
    public static void CheckLabels(LabeledRows rows, IReadOnlyList<string> labels)
    {
        foreach (var row in rows.Rows)
        {
            if (!labels.Contains(row.Label))
                throw new DataFileException(row.File, row.Line,
                    $"label \"{row.Label}\" is not one of the model's labels ({string.Join(", ", labels)})");
        }
    }

    /// <summary>Manifest summary of every split.</summary>
    public DataInfo Summary() => new(Train.Summary(Labels), Validation.Summary(Labels), Test?.Summary(Labels));
}
