using System.ComponentModel.DataAnnotations;

namespace Sentiment.Api.Configuration;

/// <summary>Limits on what a client may send, and whether Swagger is served (section <c>Api</c>).</summary>
public sealed class ApiOptions
{
    public const string Section = "Api";

    /// <summary>Most characters (UTF-16 code units) in one text; 5,120 as in Azure AI Language.</summary>
    [Range(1, 1_000_000)]
    public int MaxTextLength { get; set; } = 5120;

    /// <summary>Most texts in one <c>POST /sentiment/batch</c> request (texts per model run: <see cref="BatchingOptions.MaxInferenceBatch"/>).</summary>
    [Range(1, 10_000)]
    public int MaxTextsPerRequest { get; set; } = 64;

    /// <summary>Largest request body accepted.</summary>
    [Range(1024, 256 * 1024 * 1024)]
    public int MaxRequestBytes { get; set; } = 1024 * 1024;

    /// <summary>Sent as <c>Retry-After</c> with every 503.</summary>
    [Range(1, 3600)]
    public int RetryAfterSeconds { get; set; } = 1;

    /// <summary>Serve the Swagger UI and the OpenAPI document; off, /swagger is 404 and / does not redirect.</summary>
    public bool Swagger { get; set; } = true;
}
