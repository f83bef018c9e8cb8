using Microsoft.Extensions.Options;
using Sentiment.Api.Serving;

namespace Sentiment.Api.Operations;

/// <summary>Runs the service and turns a refused start into one log line and exit code 1.</summary>
public static class ServiceRunner
{
    public static async Task<int> RunAsync(WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Sentiment.Api");
        try
        {
            await app.StartAsync();
        }
        catch (Exception e) when (IsRefusal(e))
        {
            logger.LogCritical("Refusing to start: {Reason}", e.Message);
            await app.DisposeAsync();
            return 1;
        }
        catch (OperationCanceledException) when (ModelFailed(app))
        {
            // The model failed to load (and was logged, with its exception) before Kestrel finished
            // binding, so its stop cancelled the start: the same refusal, not a crash.
            await app.DisposeAsync();
            return 1;
        }
        await app.WaitForShutdownAsync();
        bool failed = ModelFailed(app);
        await app.DisposeAsync();
        return failed ? 1 : 0;
    }

    private static bool ModelFailed(WebApplication app) => app.Services.GetService<ModelHost>()?.Failed ?? false;

    /// <summary>
    /// A bad bundle, setting or address (Kestrel's "address already in use" is an IOException):
    /// reported as one line, without a stack trace, since the message names the file, setting or
    /// address and the reason.
    /// </summary>
    public static bool IsRefusal(Exception? e) =>
        e is StartupRefusedException or OptionsValidationException or IOException
        || (e is InvalidOperationException && e.Source == typeof(ConfigurationBinder).Assembly.GetName().Name);
}
