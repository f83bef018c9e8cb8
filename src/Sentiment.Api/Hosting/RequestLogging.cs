using System.Globalization;
using Sentiment.Api.Serving;
using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace Sentiment.Api.Hosting;

public enum LogFormat
{
    Text,
    Json,
}

/// <summary>Serilog set-up: levels from configuration, text or JSON console, one line per request.</summary>
public static class RequestLogging
{
    private static readonly object TextLengthKey = new();

    public static WebApplicationBuilder AddSentimentLogging(this WebApplicationBuilder builder)
    {
        builder.Services.AddSerilog((services, logger) =>
        {
            // Read when the logger is built, so settings added by test hosts count too.
            var configuration = services.GetRequiredService<IConfiguration>();
            var format = configuration.GetValue("Log:Format", LogFormat.Text);
            logger.ReadFrom.Configuration(configuration)
                .Enrich.FromLogContext()
                // ServiceRunner logs these as one line; the host would add a second one with a stack trace.
                .Filter.ByExcluding(e => ServiceRunner.IsRefusal(e.Exception));
            if (format == LogFormat.Json)
                logger.WriteTo.Console(new RenderedCompactJsonFormatter());
            else
                logger.WriteTo.Console(
                    outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj}{NewLine}{Exception}",
                    formatProvider: CultureInfo.InvariantCulture);
        }, preserveStaticLogger: true); // several test hosts share one process
        return builder;
    }

    /// <summary>Logs one line per request; the text itself is never logged, only its length.</summary>
    public static IApplicationBuilder UseSentimentRequestLogging(this IApplicationBuilder app) =>
        app.UseSerilogRequestLogging(options =>
        {
            // The static Serilog logger is left alone (see AddSentimentLogging), so name the host's own.
            options.Logger = app.ApplicationServices.GetRequiredService<Serilog.ILogger>();
            options.MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.000} ms " +
                "(model {ModelVersion}, text length {TextLength})";
            options.GetMessageTemplateProperties = (http, path, elapsed, status) =>
            [
                new LogEventProperty("RequestMethod", new ScalarValue(http.Request.Method)),
                new LogEventProperty("RequestPath", new ScalarValue(path)),
                new LogEventProperty("StatusCode", new ScalarValue(status)),
                new LogEventProperty("Elapsed", new ScalarValue(elapsed)),
                new LogEventProperty("ModelVersion", new ScalarValue(http.Response.Headers[ModelVersionHeader.Name].ToString())),
                new LogEventProperty("TextLength", new ScalarValue(http.Items.TryGetValue(TextLengthKey, out var n) ? n : 0)),
            ];
        });

    /// <summary>Records the characters received for the request log line.</summary>
    public static void SetTextLength(HttpContext http, IReadOnlyList<string> texts)
    {
        int length = 0;
        for (int i = 0; i < texts.Count; i++)
            length += texts[i].Length;
        http.Items[TextLengthKey] = length;
    }
}

/// <summary>Adds <c>X-Model-Version</c> to every response, errors included.</summary>
public sealed class ModelVersionHeader
{
    public const string Name = "X-Model-Version";

    private readonly RequestDelegate _next;
    private readonly Func<object, Task> _setHeader;

    public ModelVersionHeader(RequestDelegate next, ISentimentModel model)
    {
        _next = next;
        // Set when the response starts, because the exception handler clears headers set earlier.
        _setHeader = state =>
        {
            ((HttpContext)state).Response.Headers[Name] = model.Current?.Version ?? "loading";
            return Task.CompletedTask;
        };
    }

    public Task InvokeAsync(HttpContext http)
    {
        http.Response.OnStarting(_setHeader, http);
        return _next(http);
    }
}
