using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sentiment.Behaviour;

/// <summary>What was run against what, for the report's heading and the JSON figures.</summary>
internal sealed record RunInfo(string Suite, string Model, IReadOnlyList<string> ModelLabels)
{
    public bool HasNeutral => ModelLabels.Contains(BehaviourReport.Neutral);
}

internal static class ReportFormat
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Markdown(BehaviourReport report, RunInfo run, SuiteTargets targets, int showFailures)
    {
        var text = new StringBuilder();
        text.AppendLine($"Behaviour suite `{run.Suite}` on {run.Model} (labels: {string.Join(", ", run.ModelLabels)}), {report.Sentences} sentences.");
        text.AppendLine();
        text.AppendLine("| capability | test type | cases | failures | failure rate % |");
        text.AppendLine("|---|---|---:|---:|---:|");
        foreach (var row in report.Rows)
            text.AppendLine(Row(row.Capability, row.Type.ToString(), row.Tally));
        text.AppendLine(Row("**overall**", "", report.Overall));
        text.AppendLine(Row("overall without neutral-expected cases", "", report.WithoutNeutral));
        text.AppendLine();
        if (!run.HasNeutral)
            text.AppendLine("The model has no `neutral` label, so it fails every case that expects neutral.");
        text.AppendLine($"Targets (overall at most {Percent(targets.OverallFailureRate)}%, no row above {Percent(targets.CapabilityFailureRate)}%): "
            + (report.Meets(targets) ? "met." : "not met."));

        if (showFailures > 0)
        {
            foreach (var row in report.Rows.Where(r => r.Failures.Count > 0))
            {
                text.AppendLine();
                text.AppendLine($"### {row.Capability} ({row.Type}): {row.Failures.Count} of {row.Tally.Cases} failed");
                text.AppendLine();
                foreach (var failure in row.Failures.Take(showFailures))
                    text.AppendLine(Describe(failure));
            }
        }
        return text.ToString();
    }

    /// <summary>The figures for the model card; rates are fractions.</summary>
    public static string Figures(BehaviourReport report, RunInfo run, SuiteTargets targets) => JsonSerializer.Serialize(new
    {
        suite = run.Suite,
        model = run.Model,
        labels = run.ModelLabels,
        sentences = report.Sentences,
        overall = Figure(report.Overall),
        withoutNeutral = Figure(report.WithoutNeutral),
        targets,
        targetsMet = report.Meets(targets),
        capabilities = report.Rows.Select(row => new
        {
            capability = row.Capability,
            type = row.Type,
            sentences = row.Sentences,
            row.Tally.Cases,
            row.Tally.Failures,
            row.Tally.FailureRate,
        }),
    }, Json);

    private static object Figure(Tally tally) => new { tally.Cases, tally.Failures, tally.FailureRate };

    private static string Row(string name, string type, Tally tally) =>
        $"| {name} | {type} | {tally.Cases} | {tally.Failures} | {Percent(tally.FailureRate)} |";

    private static string Percent(double fraction) => (fraction * 100).ToString("0.0", CultureInfo.InvariantCulture);

    private static string Describe(CaseResult failure)
    {
        var answers = failure.Answers;
        if (failure.Case.Type == TestType.MFT)
            return $"- \"{failure.Case.Texts[0]}\": expected {failure.Case.Expected}, got {Answer(answers[0])}";
        var lines = new StringBuilder($"- {failure.Case.Texts.Count} variants should share one label:");
        for (int i = 0; i < answers.Count; i++)
            lines.Append($"\n  - \"{failure.Case.Texts[i]}\": {Answer(answers[i])}");
        return lines.ToString();
    }

    private static string Answer(Answer answer) =>
        $"{answer.Label} ({answer.Confidence.ToString("0.00", CultureInfo.InvariantCulture)})";
}
