using Sentiment.Api.Scoring;
using Sentiment.Api.Serving;

namespace Sentiment.Api.Operations;

/// <summary>
/// Adds <c>X-Model-Version</c> and <c>X-Model-Name</c> to every response, errors included: the
/// model versions that answered (comma-separated when a batch was answered by several), else the
/// default model's.
/// </summary>
public sealed class ModelVersionHeader
{
    public const string Name = "X-Model-Version";
    public const string ModelName = "X-Model-Name";

    private readonly RequestDelegate _next;
    private readonly Func<object, Task> _setHeader;

    public ModelVersionHeader(RequestDelegate next, ISentimentModel model)
    {
        _next = next;
        // Set when the response starts, because the exception handler clears headers set earlier.
        _setHeader = state =>
        {
            var http = (HttpContext)state;
            var answered = AnsweringModels.Of(http);
            if (answered.Count > 0)
            {
                http.Response.Headers[Name] = string.Join(", ", answered.Select(m => m.Version));
                http.Response.Headers[ModelName] = string.Join(", ", answered.Select(m => m.Name));
            }
            else if (model.Current is { } current)
            {
                http.Response.Headers[Name] = current.Version;
                http.Response.Headers[ModelName] = current.Name;
            }
            else
                http.Response.Headers[Name] = "loading";
            return Task.CompletedTask;
        };
    }

    public Task InvokeAsync(HttpContext http)
    {
        http.Response.OnStarting(_setHeader, http);
        return _next(http);
    }
}
