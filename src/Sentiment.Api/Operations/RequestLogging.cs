using System.Globalization;
using Sentiment.Api.Configuration;
using Sentiment.Api.Scoring;
using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace Sentiment.Api.Operations;

/// <summary>Serilog set-up: levels from configuration, text or JSON console, one line per request.</summary>
public static class RequestLogging
{
    private const string HostCategory = "Microsoft.Extensions.Hosting.Internal.Host";

    public static WebApplicationBuilder AddSentimentLogging(this WebApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<LogOptions>(LogOptions.Section);
        builder.Services.AddSerilog((services, logger) =>
        {
            // Read when the logger is built, so settings added by test hosts count too.
            var configuration = services.GetRequiredService<IConfiguration>();
            logger.ReadFrom.Configuration(configuration)
                .Enrich.FromLogContext()
                .Filter.ByExcluding(IsHostEchoOfRefusal);
            if (LogOptions.IsJson(configuration))
                logger.WriteTo.Console(new RenderedCompactJsonFormatter());
            else
                logger.Enrich.With<ControlCharacterEscaper>().WriteTo.Console(
                    outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj}{NewLine}{Exception}",
                    formatProvider: CultureInfo.InvariantCulture);
        }, preserveStaticLogger: true); // several test hosts share one process
        return builder;
    }

    /// <summary>Logs one line per request; the text itself is never logged, only its length, nor a key, only its name.</summary>
    public static IApplicationBuilder UseSentimentRequestLogging(this IApplicationBuilder app) =>
        app.UseSerilogRequestLogging(options =>
        {
            // The static Serilog logger is left alone (see AddSentimentLogging), so name the host's own.
            options.Logger = app.ApplicationServices.GetRequiredService<Serilog.ILogger>();
            options.MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.000} ms " +
                "(model {ModelName} {ModelVersion}, text length {TextLength}) by {ApiKey}";
            options.GetMessageTemplateProperties = (http, path, elapsed, status) =>
            [
                new LogEventProperty("RequestMethod", new ScalarValue(http.Request.Method)),
                new LogEventProperty("RequestPath", new ScalarValue(path)),
                new LogEventProperty("StatusCode", new ScalarValue(status)),
                new LogEventProperty("Elapsed", new ScalarValue(elapsed)),
                new LogEventProperty("ModelName", new ScalarValue(http.Response.Headers[ModelVersionHeader.ModelName].ToString())),
                new LogEventProperty("ModelVersion", new ScalarValue(http.Response.Headers[ModelVersionHeader.Name].ToString())),
                new LogEventProperty("TextLength", new ScalarValue(SentimentApi.TextLength(http))),
                // The key's configured name, never the key.
                new LogEventProperty("ApiKey", new ScalarValue(http.User.Identity?.Name ?? "anonymous")),
            ];
        });

    /// <summary>
    /// The host's own report of a refused start: ServiceRunner logs the refusal as one line, and the
    /// host would add a second one with a stack trace. Only that event: the same exception types
    /// logged by anything else (a request's I/O failure, say) are kept.
    /// </summary>
    public static bool IsHostEchoOfRefusal(LogEvent e) =>
        ServiceRunner.IsRefusal(e.Exception)
        && e.Properties.TryGetValue("SourceContext", out var source)
        && source is ScalarValue { Value: HostCategory };
}
