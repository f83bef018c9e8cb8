using System.Text.Json.Serialization;

namespace Sentiment.Core;

/// <summary>A report on one validation or test file.</summary>
/// <param name="File">The file as <c>folder/name.csv</c> (its last two path parts), so no machine path is stored.</param>
/// <param name="Role"><c>validation</c> or <c>test</c>.</param>
/// <param name="Report">Scored on every label of the model.</param>
/// <param name="Restricted">Scored on the labels the file uses only, when the model has more (a binary file and a
/// three-class model: P(positive) against P(negative), the probabilities renormalised over the two).</param>
public sealed record FileReport(
    string File,
    string Role,
    ReportInfo Report,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ReportInfo? Restricted = null)
{
    /// <summary>The last two parts of <paramref name="path"/>, with forward slashes.</summary>
    public static string NameOf(string path)
    {
        string full = Path.GetFullPath(path);
        string? folder = Path.GetFileName(Path.GetDirectoryName(full));
        return string.IsNullOrEmpty(folder) ? Path.GetFileName(full) : $"{folder}/{Path.GetFileName(full)}";
    }
}

/// <summary>How the graph's probabilities were calibrated.</summary>
/// <param name="Temperature">The graph divides the logits by this before its softmax (1 = not calibrated).</param>
/// <param name="FittedOn">Where it was fitted: the validation files.</param>
/// <param name="Bins">Bins of the expected calibration error (<see cref="Calibration.Bins"/>).</param>
/// <param name="ValidationErrorBefore">Expected calibration error on the validation files before the temperature.</param>
/// <param name="ValidationErrorAfter">The same after it.</param>
public sealed record CalibrationInfo(
    double Temperature,
    IReadOnlyList<string> FittedOn,
    int Bins,
    double ValidationErrorBefore,
    double ValidationErrorAfter);

/// <summary>When the service warns that it read little of a text.</summary>
/// <param name="WarnBelow">A text whose known words / words is below this carries a <c>low_coverage</c> warning;
/// one with no known word at all is answered <c>unknown</c>.</param>
public sealed record CoverageInfo(double WarnBelow);
