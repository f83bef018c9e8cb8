using System.ComponentModel.DataAnnotations;

namespace Sentiment.Api.Configuration;

/// <summary>Brotli or gzip for large JSON answers (section <c>Compression</c>).</summary>
public sealed class CompressionOptions
{
    public const string Section = "Compression";

    /// <summary>
    /// Off by default: on localhost it cost more CPU than the bytes it saved (README, "Compression");
    /// it pays where the network, not the CPU, is the limit.
    /// </summary>
    public bool Enabled { get; set; }

    /// <summary>Smallest JSON answer compressed; a single-text answer (about 250 bytes) never is.</summary>
    [Range(0, int.MaxValue)]
    public int MinimumBytes { get; set; } = 2048;
}
