using Prometheus;

namespace Sentiment.Api.Operations;

/// <summary>Per-host metrics, and the middleware every request passes, in order.</summary>
public static class OperationsSetup
{
    public static WebApplicationBuilder AddSentimentMetrics(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<PrometheusExport>();
        return builder;
    }

    public static WebApplication UseSentimentPipeline(this WebApplication app)
    {
        app.UseMiddleware<ModelVersionHeader>();
        app.Use(static (http, next) =>
        {
            http.Response.OnStarting(SetNoSniff, http); // when the response starts: the exception handler clears headers
            return next(http);
        });
        app.UseSentimentRequestLogging();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRouting();
        var registry = app.Services.GetRequiredService<PrometheusExport>().Registry;
        app.UseClosedMethodLabels(); // routes are closed already: an unmatched path has an empty endpoint label
        app.UseHttpMetrics(options => options.SetMetricFactory(Metrics.WithCustomRegistry(registry)));
        return app;
    }

    /// <summary>Browsers must not guess another type than the one declared (a reverse proxy checker's first test).</summary>
    private static Task SetNoSniff(object http)
    {
        ((HttpContext)http).Response.Headers.XContentTypeOptions = "nosniff";
        return Task.CompletedTask;
    }
}
