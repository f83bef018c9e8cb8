using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using Sentiment.Api.Configuration;
using Sentiment.Api.Serving;

namespace Sentiment.Api.Scoring;

/// <summary>
/// The texts-per-second token bucket of each API key (or client address when keys are off).
/// ASP.NET Core's rate-limiting middleware acquires its permits before the endpoint runs, when the
/// body is not yet read, so it can only count requests. A batch must cost its number of texts, which
/// is known once the body is parsed: so the scoring path acquires from the same kind of
/// <see cref="PartitionedRateLimiter"/> the middleware uses, right after parsing.
/// </summary>
public sealed class TextRateLimiter : IDisposable
{
    private const string Anonymous = "anonymous";

    private readonly PartitionedRateLimiter<HttpContext>? _limiter;
    private readonly ServingMetrics _metrics;

    public TextRateLimiter(IOptions<RateLimitOptions> options, ServingMetrics metrics)
    {
        _metrics = metrics;
        var settings = options.Value;
        if (!settings.Enabled)
            return;
        var bucket = new TokenBucketRateLimiterOptions
        {
            TokenLimit = settings.BucketSize,
            TokensPerPeriod = settings.TextsPerSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0, // refuse at once; the client retries after Retry-After
            AutoReplenishment = true,
        };
        _limiter = PartitionedRateLimiter.Create<HttpContext, string>(
            http => RateLimitPartition.GetTokenBucketLimiter(PartitionOf(http), _ => bucket));
    }

    /// <summary>Takes <paramref name="texts"/> tokens; false, with when to retry, if the bucket has fewer.</summary>
    public bool TryAcquire(HttpContext http, int texts, out TimeSpan retryAfter)
    {
        retryAfter = TimeSpan.Zero;
        if (_limiter is null)
            return true;
        using var lease = _limiter.AttemptAcquire(http, texts);
        if (lease.IsAcquired)
            return true;
        if (!lease.TryGetMetadata(MetadataName.RetryAfter, out retryAfter))
            retryAfter = TimeSpan.FromSeconds(1);
        _metrics.CountRateLimited(http.User.Identity?.Name ?? Anonymous); // a name, never an address: bounded labels
        return false;
    }

    private static string PartitionOf(HttpContext http) =>
        http.User.Identity?.Name is { } key ? "key:" + key : "address:" + http.Connection.RemoteIpAddress;

    public void Dispose() => _limiter?.Dispose();
}
