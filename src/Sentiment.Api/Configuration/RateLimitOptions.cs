using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Sentiment.Api.Configuration;

/// <summary>A token bucket of texts per API key, or per client address without keys (section <c>RateLimit</c>).</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimit";

    /// <summary>Texts each key may score per second, on average; 0 turns rate limiting off.</summary>
    [Range(0, 10_000_000)]
    public int TextsPerSecond { get; set; }

    /// <summary>Most texts at once after a quiet spell (the bucket's size); 0 means one second's worth.</summary>
    [Range(0, 10_000_000)]
    public int Burst { get; set; }

    public bool Enabled => TextsPerSecond > 0;

    public int BucketSize => Burst > 0 ? Burst : TextsPerSecond;
}

/// <summary>A bucket smaller than the largest batch would refuse that batch for ever, so refuse the settings instead.</summary>
internal sealed class RateLimitValidation(IOptions<ApiOptions> api) : IValidateOptions<RateLimitOptions>
{
    public ValidateOptionsResult Validate(string? name, RateLimitOptions options) =>
        options.Enabled && options.BucketSize < api.Value.MaxTextsPerRequest
            ? ValidateOptionsResult.Fail($"RateLimit:Burst ({options.BucketSize}) must be at least Api:MaxTextsPerRequest " +
                $"({api.Value.MaxTextsPerRequest}), or a full batch could never be scored.")
            : ValidateOptionsResult.Success;
}
