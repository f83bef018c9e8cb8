using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using Sentiment.Api.Configuration;

namespace Sentiment.Api.Operations;

/// <summary>Kestrel's connection limits and the host's shutdown timeout, from validated settings.</summary>
public static class ServerSetup
{
    public static WebApplicationBuilder AddSentimentServer(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddValidatedOptions<ShutdownOptions>(ShutdownOptions.Section);
        services.AddValidatedOptions<ConnectionOptions>(ConnectionOptions.Section);
        ConfigureFrom<KestrelServerOptions, ConnectionOptions>(services, (kestrel, options) => ApplyLimits(kestrel.Limits, options));
        ConfigureFrom<HostOptions, ShutdownOptions>(services, (host, options) => host.ShutdownTimeout = options.Timeout);
        return builder;
    }

    /// <summary>
    /// The host and Kestrel read their options when the application is built, before start-up
    /// validation runs: a bad setting leaves their defaults here and is refused, in one line, at start.
    /// </summary>
    private static void ConfigureFrom<TTarget, TSettings>(IServiceCollection services, Action<TTarget, TSettings> apply)
        where TTarget : class where TSettings : class =>
        services.AddOptions<TTarget>().Configure<IOptions<TSettings>>((target, settings) =>
        {
            TSettings value;
            try { value = settings.Value; }
            catch (Exception e) when (ServiceRunner.IsRefusal(e)) { return; }
            apply(target, value);
        });

    private static void ApplyLimits(KestrelServerLimits limits, ConnectionOptions options)
    {
        limits.KeepAliveTimeout = options.KeepAliveTimeout;
        limits.RequestHeadersTimeout = options.RequestHeadersTimeout;
        limits.MinRequestBodyDataRate = options.MinRequestBodyBytesPerSecond > 0
            ? new MinDataRate(options.MinRequestBodyBytesPerSecond, options.MinRequestBodyGracePeriod)
            : null;
        limits.MaxConcurrentConnections = options.MaxConcurrentConnections;
    }
}
