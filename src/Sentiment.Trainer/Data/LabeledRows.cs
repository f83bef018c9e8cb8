using Sentiment.Core;

namespace Sentiment.Trainer.Data;

/// <summary>One usable row: its text, label and where it came from (for messages).</summary>
internal sealed record LabeledRow(string Text, string Label, string File, int Line);

/// <summary>The usable rows of one split and how many were skipped.</summary>
internal sealed record LabeledRows(IReadOnlyList<LabeledRow> Rows, int Skipped)
{
    /// <summary>Row count, rows skipped and rows per label, for the manifest.</summary>
    public SplitInfo Summary(IReadOnlyList<string> labels) => new(Rows.Count, Skipped,
        labels.ToDictionary(label => label, label => Rows.Count(row => row.Label == label)));

    /// <summary>These rows, or a <see cref="DataFileException"/> with <paramref name="problem"/> when none is left to score.</summary>
    public LabeledRows NotEmpty(string file, string problem) => Rows.Count > 0 ? this
        : throw new DataFileException(file, null, Skipped > 0 ? $"{problem} ({Skipped} skipped)" : problem);
}

/// <summary>Which columns hold the text and the label.</summary>
internal sealed record DataColumns(string Text, string Label);
