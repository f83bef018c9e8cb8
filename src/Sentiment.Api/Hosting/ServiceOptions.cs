using System.ComponentModel.DataAnnotations;

namespace Sentiment.Api.Hosting;

/// <summary>Where the model bundle is and how ONNX Runtime runs it (section <c>Model</c>).</summary>
public sealed class ModelOptions
{
    public const string Section = "Model";

    /// <summary>Bundle folder; a relative path resolves against the content root.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Path { get; set; } = "models";

    /// <summary>Threads ONNX Runtime uses inside one run; 1 suits many small concurrent runs.</summary>
    [Range(1, 64)]
    public int IntraOpNumThreads { get; set; } = 1;

    /// <summary>
    /// The bundle folder. The content root is the working folder: /app in the container, the
    /// project folder under <c>dotnet run</c> (where appsettings.Development.json points at the
    /// repository's models/).
    /// </summary>
    public string ResolvePath(string contentRoot) => System.IO.Path.GetFullPath(Path, contentRoot);
}

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

    public int WorkerCount => Workers > 0 ? Workers : Environment.ProcessorCount;
}

/// <summary>Limits on what a client may send (section <c>Api</c>).</summary>
public sealed class ApiOptions
{
    public const string Section = "Api";

    /// <summary>Most characters (UTF-16 code units) in one text; 5,120 as in Azure AI Language.</summary>
    [Range(1, 1_000_000)]
    public int MaxTextLength { get; set; } = 5120;

    /// <summary>Most texts in one batch request.</summary>
    [Range(1, 10_000)]
    public int MaxBatchSize { get; set; } = 64;

    /// <summary>Largest request body accepted.</summary>
    [Range(1024, 256 * 1024 * 1024)]
    public int MaxRequestBytes { get; set; } = 1024 * 1024;

    /// <summary>Sent as <c>Retry-After</c> with every 503.</summary>
    [Range(1, 3600)]
    public int RetryAfterSeconds { get; set; } = 1;
}
