using Sentiment.Api.Configuration;

namespace Sentiment.Api.Serving;

/// <summary>Registers the bundle model, loaded and warmed up at start-up, and its metrics.</summary>
public static class ServingSetup
{
    public static WebApplicationBuilder AddSentimentModel(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddValidatedOptions<ModelOptions>(ModelOptions.Section);
        services.AddValidatedOptions<BatchingOptions>(BatchingOptions.Section);
        services.AddValidatedOptions<AdminOptions>(AdminOptions.Section);
        services.AddSingleton<ServingMetrics>();
        services.AddSingleton<ModelMetrics>();
        services.AddSingleton<ModelHost>();
        services.AddSingleton<ISentimentModel>(provider => provider.GetRequiredService<ModelHost>());
        services.AddHostedService<ModelStartup>();
        return builder;
    }

    /// <summary>Starts whatever model is registered, so tests that swap in a fake start nothing.</summary>
    private sealed class ModelStartup(ISentimentModel model) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) =>
            model is IHostedService hosted ? hosted.StartAsync(cancellationToken) : Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) =>
            model is IHostedService hosted ? hosted.StopAsync(cancellationToken) : Task.CompletedTask;
    }
}
