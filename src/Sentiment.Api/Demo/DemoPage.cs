using System.Reflection;
using Microsoft.Extensions.Options;
using Sentiment.Api.Configuration;

namespace Sentiment.Api.Demo;

/// <summary>
/// GET / serves a page where a person can paste a review and see its label, the words that drove it
/// and its sentences. Plain HTML, CSS and JavaScript embedded in the assembly: no CDN, no build step.
/// </summary>
public static class DemoPage
{
    /// <summary>Only this origin's script, style and API calls; no inline code, no frames, no forms elsewhere.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; " +
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private static readonly (string Path, string Resource, string ContentType)[] Files =
    [
        ("/", "index.html", "text/html; charset=utf-8"),
        ("/demo/demo.css", "demo.css", "text/css; charset=utf-8"),
        ("/demo/demo.js", "demo.js", "text/javascript; charset=utf-8"),
    ];

    public static IEndpointRouteBuilder MapDemoPage(this IEndpointRouteBuilder app)
    {
        foreach (var (path, resource, contentType) in Files)
        {
            byte[] content = Read(resource);
            app.MapGet(path, (HttpContext http, IOptions<DemoOptions> options) =>
                {
                    if (!options.Value.Enabled)
                        return Results.NotFound();
                    http.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
                    http.Response.Headers["Referrer-Policy"] = "no-referrer";
                    return Results.Bytes(content, contentType);
                })
                .AllowAnonymous()
                .ExcludeFromDescription();
        }
        return app;
    }

    private static byte[] Read(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"Sentiment.Api.Demo.{name}")
            ?? throw new InvalidOperationException($"The demo file {name} is not embedded in the assembly.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
