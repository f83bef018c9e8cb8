using Sentiment.Api.Serving;

namespace Sentiment.Api.Operations;

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
