using System.ComponentModel.DataAnnotations;

namespace Sentiment.Api.Configuration;

/// <summary>
/// Kestrel's connection limits (section <c>Connections</c>), so idle or slow connections cannot
/// starve real clients. The defaults are Kestrel's own.
/// </summary>
public sealed class ConnectionOptions
{
    public const string Section = "Connections";

    /// <summary>How long an idle keep-alive connection stays open (Kestrel: 130 s).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan KeepAliveTimeout { get; set; } = TimeSpan.FromSeconds(130);

    /// <summary>Longest a client may take to send the request headers (Kestrel: 30 s).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan RequestHeadersTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Slowest request body accepted, after <see cref="MinRequestBodyGracePeriod"/> (Kestrel: 240 bytes/s); 0 turns it off.</summary>
    [Range(0, 1_000_000_000)]
    public double MinRequestBodyBytesPerSecond { get; set; } = 240;

    /// <summary>How long a body may be slower than the minimum rate at first (Kestrel: 5 s).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan MinRequestBodyGracePeriod { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Most open connections; unset (the default), no limit.</summary>
    [Range(1, long.MaxValue)]
    public long? MaxConcurrentConnections { get; set; }
}
