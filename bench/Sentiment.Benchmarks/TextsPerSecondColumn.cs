using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Sentiment.Benchmarks;

/// <summary>Throughput of a batch benchmark: its Batch parameter divided by the mean time.</summary>
internal sealed class TextsPerSecondColumn : IColumn
{
    public string Id => nameof(TextsPerSecondColumn);
    public string ColumnName => "Texts/s";
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Custom;
    public int PriorityInCategory => 0;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Dimensionless;
    public string Legend => "Texts scored per second (Batch / Mean)";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase)
    {
        double? meanNs = summary[benchmarkCase]?.ResultStatistics?.Mean;
        object? batch = benchmarkCase.Parameters["Batch"];
        return meanNs is > 0 && batch is int texts ? (texts / (meanNs.Value / 1e9)).ToString("N0", System.Globalization.CultureInfo.InvariantCulture) : "-";
    }

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => true;
}
