using System.ComponentModel.DataAnnotations;

namespace Sentiment.Api.Configuration;

/// <summary>The console log format (section <c>Log</c>).</summary>
public sealed class LogOptions
{
    public const string Section = "Log";

    /// <summary><c>Text</c> (human-readable) or <c>Json</c> (compact JSON, one object a line); either case.</summary>
    [RegularExpression("(?i:text|json)", ErrorMessage = "Log:Format must be one of: Text, Json.")]
    public string Format { get; set; } = "Text";

    /// <summary>
    /// Read before options are validated, since the logger that reports a bad setting needs a format:
    /// anything but Json logs as text, and start-up validation then refuses a value that is neither.
    /// </summary>
    public static bool IsJson(IConfiguration configuration) =>
        string.Equals(configuration[$"{Section}:{nameof(Format)}"], "Json", StringComparison.OrdinalIgnoreCase);
}
