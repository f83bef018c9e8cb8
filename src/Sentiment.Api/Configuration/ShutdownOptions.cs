using System.ComponentModel.DataAnnotations;

namespace Sentiment.Api.Configuration;

/// <summary>How long a stopping service drains its requests (section <c>Shutdown</c>).</summary>
public sealed class ShutdownOptions
{
    public const string Section = "Shutdown";

    /// <summary>
    /// The host's shutdown timeout: queued and running requests finish within it. The default
    /// leaves room for a 5 s preStop delay inside Kubernetes' default 30 s grace period.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// When texts still queued are answered 503 instead: the last tenth of the timeout is left for
    /// those answers to be written, since Kestrel resets every connection still open at its end.
    /// </summary>
    public TimeSpan QueueDeadline => Timeout * 0.9;
}
