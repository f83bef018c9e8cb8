using Microsoft.AspNetCore.Server.Kestrel.Core;
using Prometheus;
using Sentiment.Api.Endpoints;
using Sentiment.Api.Serving;

namespace Sentiment.Api.Hosting;

/// <summary>Options, JSON, problem details, the model and the middleware pipeline.</summary>
public static class ApiSetup
{
    public static WebApplicationBuilder AddSentimentApi(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        AddValidatedOptions<ApiOptions>(services, ApiOptions.Section);
        // Read raw: Kestrel is built before options are validated, and ValidateOnStart refuses a bad value.
        services.AddOptions<KestrelServerOptions>().Configure<IConfiguration>((kestrel, configuration) =>
        {
            if (long.TryParse(configuration[$"{ApiOptions.Section}:{nameof(ApiOptions.MaxRequestBytes)}"], out long bytes) && bytes > 0)
                kestrel.Limits.MaxRequestBodySize = bytes;
            else
                kestrel.Limits.MaxRequestBodySize = new ApiOptions().MaxRequestBytes;
        });
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, ApiJsonContext.Default));
        services.AddProblemDetails(problems => problems.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            problem.Extensions.TryAdd("traceId", context.HttpContext.TraceIdentifier);
            if (problem.Status == StatusCodes.Status415UnsupportedMediaType)
                problem.Detail ??= Problems.UnsupportedMediaTypeDetail(context.HttpContext.Request.ContentType);
        });
        return builder;
    }

    /// <summary>Registers the bundle model, loaded and warmed up at start-up.</summary>
    public static IServiceCollection AddSentimentModel(this IServiceCollection services)
    {
        AddValidatedOptions<ModelOptions>(services, ModelOptions.Section);
        AddValidatedOptions<BatchingOptions>(services, BatchingOptions.Section);
        services.AddSingleton<BundleModel>();
        services.AddSingleton<ISentimentModel>(provider => provider.GetRequiredService<BundleModel>());
        services.AddHostedService<ModelStartup>();
        return services;
    }

    public static WebApplication UseSentimentPipeline(this WebApplication app)
    {
        app.UseMiddleware<ModelVersionHeader>();
        app.UseSentimentRequestLogging();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRouting();
        app.UseHttpMetrics();
        return app;
    }

    private static void AddValidatedOptions<T>(IServiceCollection services, string section) where T : class =>
        services.AddOptions<T>().BindConfiguration(section).ValidateDataAnnotations().ValidateOnStart();

    /// <summary>Starts whatever model is registered, so tests that swap in a fake start nothing.</summary>
    private sealed class ModelStartup(ISentimentModel model) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) =>
            model is IHostedService hosted ? hosted.StartAsync(cancellationToken) : Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) =>
            model is IHostedService hosted ? hosted.StopAsync(cancellationToken) : Task.CompletedTask;
    }
}
