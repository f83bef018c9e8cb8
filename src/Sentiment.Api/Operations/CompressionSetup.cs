using System.IO.Compression;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Options;
using Sentiment.Api.Configuration;

namespace Sentiment.Api.Operations;

/// <summary>
/// ASP.NET Core's response compression (Brotli, then gzip, at their fastest levels) for JSON
/// answers of at least <see cref="CompressionOptions.MinimumBytes"/>, when enabled.
/// </summary>
public static class CompressionSetup
{
    public static WebApplicationBuilder AddSentimentCompression(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddValidatedOptions<CompressionOptions>(CompressionOptions.Section);
        services.AddResponseCompression(compression =>
        {
            compression.EnableForHttps = true; // answers never echo a secret or the request's text, so BREACH has nothing to find
            compression.MimeTypes = ["application/json"];
            compression.Providers.Add<BrotliCompressionProvider>();
            compression.Providers.Add<GzipCompressionProvider>();
        });
        services.Configure<BrotliCompressionProviderOptions>(brotli => brotli.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(gzip => gzip.Level = CompressionLevel.Fastest);
        services.AddSingleton<IResponseCompressionProvider, SizedCompressionProvider>();
        return builder;
    }

    public static WebApplication UseSentimentCompression(this WebApplication app)
    {
        // Read per request (once bound, a singleton): reading it while building the pipeline would
        // throw on a bad setting before start-up validation can refuse it in one line.
        app.UseWhen(static http => http.RequestServices.GetRequiredService<IOptions<CompressionOptions>>().Value.Enabled, branch =>
        {
            branch.UseResponseCompression();
            branch.Use(BufferAsync);
        });
        return app;
    }

    /// <summary>
    /// JSON answers are streamed without a length, and the compression middleware decides at the
    /// first write: buffering an endpoint's answer lets it see the length (our answers are small).
    /// </summary>
    private static async Task BufferAsync(HttpContext http, RequestDelegate next)
    {
        var provider = http.RequestServices.GetRequiredService<IResponseCompressionProvider>();
        if (http.GetEndpoint() is null || !provider.CheckRequestAcceptsCompression(http))
        {
            await next(http);
            return;
        }
        var body = http.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
        using var buffer = new MemoryStream();
        http.Features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(buffer));
        try
        {
            await next(http);
        }
        finally
        {
            http.Features.Set(body);
        }
        if (buffer.Length == 0)
            return;
        http.Response.ContentLength ??= buffer.Length;
        await body.Stream.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), http.RequestAborted);
    }

    /// <summary>The default provider, declining answers shorter than the minimum (or of unknown length).</summary>
    private sealed class SizedCompressionProvider(IServiceProvider services, IOptions<ResponseCompressionOptions> options,
        IOptions<CompressionOptions> sizes) : IResponseCompressionProvider
    {
        private readonly ResponseCompressionProvider _default = new(services, options);

        public ICompressionProvider? GetCompressionProvider(HttpContext context) => _default.GetCompressionProvider(context);

        public bool ShouldCompressResponse(HttpContext context) =>
            context.Response.ContentLength >= sizes.Value.MinimumBytes && _default.ShouldCompressResponse(context);

        public bool CheckRequestAcceptsCompression(HttpContext context) => _default.CheckRequestAcceptsCompression(context);
    }
}
