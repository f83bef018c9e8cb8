using System.ComponentModel.DataAnnotations;

namespace Sentiment.Api.Configuration;

/// <summary>How concurrent texts are grouped into model runs (section <c>Batching</c>).</summary>
public sealed class BatchingOptions
{
    public const string Section = "Batching";

    /// <summary>Threads running the model; 0 means one per processor.</summary>
    [Range(0, 64)]
    public int Workers { get; set; }

    /// <summary>Most texts in one model run.</summary>
    [Range(1, 1024)]
    public int MaxInferenceBatch { get; set; } = 32;

    /// <summary>
    /// Longest a text waits for others to join its run, while another run is in progress (an idle
    /// service runs a text at once); zero disables waiting.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:01")]
    public TimeSpan MaxBatchDelay { get; set; } = TimeSpan.FromMilliseconds(1);

    /// <summary>Most texts waiting; beyond it requests are refused with 503 so memory stays bounded.</summary>
    [Range(1, 1_000_000)]
    public int QueueCapacity { get; set; } = 4096;

    /// <summary>
    /// Most words waiting (runs of non-space characters), since a text's cost grows with its length;
    /// beyond it requests get 503. The default takes the largest request the default
    /// <see cref="ApiOptions"/> allow (64 texts of 5,120 characters are at most 163,840 words).
    /// </summary>
    [Range(1, 1_000_000_000)]
    public long QueueWordCapacity { get; set; } = 262_144;

    public int WorkerCount => Workers > 0 ? Workers : Environment.ProcessorCount;
}
