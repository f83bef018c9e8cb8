using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Prometheus;
using Sentiment.Api.Hosting;
using Sentiment.Api.OpenApi;
using Sentiment.Api.Serving;

namespace Sentiment.Api.Endpoints;

/// <summary>Health probes, Prometheus metrics and the redirect from / to the Swagger UI.</summary>
public static class OperationalEndpoints
{
    private const string PrometheusText = "text/plain; version=0.0.4; charset=utf-8";

    public static IEndpointRouteBuilder MapOperationalEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health/live", () => TypedResults.Text("Healthy"))
            .WithName("Live")
            .WithTags("Operations")
            .WithSummary("Liveness: 200 while the process runs.")
            .Produces<string>(StatusCodes.Status200OK, "text/plain")
            .WithExamples(ApiExamples.Live);

        app.MapGet("/health/ready", Ready)
            .WithName("Ready")
            .WithTags("Operations")
            .WithSummary("Readiness: 200 once the bundle is loaded, its hashes verified and a warm-up prediction made; 503 before.")
            .Produces<string>(StatusCodes.Status200OK, "text/plain")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithExamples(ApiExamples.Ready);

        // Of the runtime's meters only System.Runtime (GC, thread pool, JIT) is exported: the others
        // repeat the HTTP metrics or are private QUIC diagnostics; event counters repeat the meters.
        Metrics.SuppressDefaultMetrics(new SuppressDefaultMetricOptions { SuppressEventCounters = true });
        Metrics.ConfigureMeterAdapter(options => options.InstrumentFilterPredicate = instrument => instrument.Meter.Name == "System.Runtime");
        app.MapGet("/metrics", WriteMetricsAsync)
            .WithName("Metrics")
            .WithTags("Operations")
            .WithSummary("Prometheus metrics: requests by route and status, latencies, predictions per label, " +
                "inference batch sizes and durations, queue length.")
            .Produces<string>(StatusCodes.Status200OK, PrometheusText)
            .WithExamples(ApiExamples.Metrics);

        app.MapGet("/", () => TypedResults.Redirect("/swagger")).ExcludeFromDescription();
        return app;
    }

    internal static Results<ContentHttpResult, ProblemHttpResult> Ready(
        HttpContext http, ISentimentModel model, IOptions<ApiOptions> options) =>
        model.Current is null ? Problems.NotReady(http, options.Value) : TypedResults.Text("Healthy");

    private static async Task WriteMetricsAsync(HttpResponse response, CancellationToken cancellationToken)
    {
        response.ContentType = PrometheusText;
        await Metrics.DefaultRegistry.CollectAndExportAsTextAsync(response.Body, cancellationToken);
    }
}
