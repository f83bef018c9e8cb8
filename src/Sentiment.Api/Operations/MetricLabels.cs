namespace Sentiment.Api.Operations;

/// <summary>
/// Keeps the HTTP metrics' <c>method</c> label in a closed set. prometheus-net labels a request with
/// <c>Request.Method</c> as sent, so every made-up method name would add a set of series; wrapped
/// around its middleware, this shows it <see cref="Other"/> for any method outside RFC 9110's and
/// puts the real one back for the layers outside (the request log). Routing has already run, and
/// no endpoint answers an unknown method, so nothing else sees the change.
/// </summary>
internal static class MetricLabels
{
    public const string Other = "other";

    public static IApplicationBuilder UseClosedMethodLabels(this IApplicationBuilder app) =>
        app.Use(static async (http, next) =>
        {
            string method = http.Request.Method;
            if (IsStandard(method))
            {
                await next(http);
                return;
            }
            http.Request.Method = Other;
            try
            {
                await next(http);
            }
            finally
            {
                http.Request.Method = method;
            }
        });

    private static bool IsStandard(string method) =>
        HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsPost(method) || HttpMethods.IsPut(method)
        || HttpMethods.IsDelete(method) || HttpMethods.IsOptions(method) || HttpMethods.IsPatch(method)
        || HttpMethods.IsTrace(method) || HttpMethods.IsConnect(method);
}
