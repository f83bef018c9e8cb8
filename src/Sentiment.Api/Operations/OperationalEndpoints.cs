using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Sentiment.Api.Access;
using Sentiment.Api.Configuration;
using Sentiment.Api.Scoring;
using Sentiment.Api.Serving;

namespace Sentiment.Api.Operations;

/// <summary>Health probes (always open), Prometheus metrics and the redirect from / to the Swagger UI.</summary>
public static class OperationalEndpoints
{
    public const string LiveName = "Live";
    public const string ReadyName = "Ready";
    public const string MetricsName = "Metrics";

    private const string PrometheusText = "text/plain; version=0.0.4; charset=utf-8";

    public static IEndpointRouteBuilder MapOperationalEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health/live", () => TypedResults.Text("Healthy"))
            .WithName(LiveName)
            .WithTags("Operations")
            .AllowAnonymous()
            .WithSummary("Liveness: 200 while the process runs.")
            .Produces<string>(StatusCodes.Status200OK, "text/plain");

        app.MapGet("/health/ready", Ready)
            .WithName(ReadyName)
            .WithTags("Operations")
            .AllowAnonymous()
            .WithSummary("Readiness: 200 once the bundle is loaded, its hashes verified and a warm-up prediction made; 503 before, and from the start of shutdown.")
            .Produces<string>(StatusCodes.Status200OK, "text/plain")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        app.MapGet("/metrics", WriteMetricsAsync)
            .WithName(MetricsName)
            .RequireAuthorization(AccessSetup.MetricsPolicy)
            .WithTags("Operations")
            .WithSummary("Prometheus metrics: requests by route and status, latencies, predictions per label, " +
                "inference batch sizes and durations, queue length.")
            .Produces<string>(StatusCodes.Status200OK, PrometheusText);
        return app;
    }

    /// <summary>503 from the moment shutdown starts, so load balancers stop sending before Kestrel stops accepting.</summary>
    internal static Results<ContentHttpResult, ProblemHttpResult> Ready(
        HttpContext http, ISentimentModel model, IHostApplicationLifetime lifetime, IOptions<ApiOptions> options) =>
        lifetime.ApplicationStopping.IsCancellationRequested ? Problems.ShuttingDown(http, options.Value)
        : !model.Ready ? Problems.NotReady(http, options.Value)
        : TypedResults.Text("Healthy");

    private static async Task WriteMetricsAsync(HttpResponse response, PrometheusExport metrics, CancellationToken cancellationToken)
    {
        response.ContentType = PrometheusText;
        await metrics.Registry.CollectAndExportAsTextAsync(response.Body, cancellationToken);
    }
}
