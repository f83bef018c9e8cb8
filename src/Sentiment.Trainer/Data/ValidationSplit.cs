using Sentiment.Core;

namespace Sentiment.Trainer.Data;

/// <summary>Holds out a seeded, stratified share of the training rows for validation.</summary>
internal static class ValidationSplit
{
    /// <summary>
    /// For each label, a seeded shuffle of its rows gives round(n * fraction) rows (at least one)
    /// to validation and the rest, at least one, to training. Row order within each part is kept.
    /// </summary>
    public static (LabeledRows Train, LabeledRows Validation) Split(
        LabeledRows rows, IReadOnlyList<string> labels, double fraction, int seed, string file)
    {
        var random = new Random(seed);
        var held = new HashSet<LabeledRow>(ReferenceEqualityComparer.Instance);
        foreach (string label in labels)
        {
            LabeledRow[] ofLabel = rows.Rows.Where(row => row.Label == label).ToArray();
            int count = Math.Max(1, (int)Math.Round(ofLabel.Length * fraction, MidpointRounding.AwayFromZero));
            if (ofLabel.Length - count < 1)
                throw new DataFileException(file, null,
                    $"class \"{label}\" has {ofLabel.Length} row(s), too few to split off a validation part; add rows or pass --valid");
            random.Shuffle(ofLabel);
            held.UnionWith(ofLabel.Take(count));
        }
        var train = rows.Rows.Where(row => !held.Contains(row)).ToList();
        var validation = rows.Rows.Where(held.Contains).ToList();
        return (new LabeledRows(train, rows.Skipped), new LabeledRows(validation, 0));
    }
}
