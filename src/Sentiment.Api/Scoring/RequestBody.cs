using System.Buffers;
using System.IO.Pipelines;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Sentiment.Api.Configuration;

namespace Sentiment.Api.Scoring;

/// <summary>A parsed body: the value, or the problem to answer with.</summary>
internal readonly record struct Parsed<T>(T? Value, ValidationProblem? Invalid = null, ProblemHttpResult? Refused = null);

internal delegate T? BodyParser<T>(ReadOnlySequence<byte> body, ApiOptions limits, out ErrorBag errors);

/// <summary>Reads a JSON request body whole, within <see cref="ApiOptions.MaxRequestBytes"/>, and parses it.</summary>
internal static class RequestBody
{
    public static async Task<Parsed<T>> ReadAsync<T>(HttpContext http, ApiOptions limits, BodyParser<T> parse)
    {
        var request = http.Request;
        if (!request.HasJsonContentType())
            return new(default, Refused: Problems.UnsupportedMediaType(request.ContentType));
        // A compressed body would otherwise be parsed as if it were plain JSON.
        if (Encoded(request) is { } coding)
            return new(default, Refused: Problems.UnsupportedEncoding(coding));

        // The one size rule. Kestrel then stops reading past it (at once for a larger Content-Length);
        // the length check below holds it on servers without the feature, such as TestServer.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } server)
            server.MaxRequestBodySize = limits.MaxRequestBytes;
        PipeReader reader = request.BodyReader;
        ReadResult read;
        try
        {
            while (true)
            {
                read = await reader.ReadAsync(http.RequestAborted);
                if (read.Buffer.Length > limits.MaxRequestBytes)
                {
                    reader.AdvanceTo(read.Buffer.End);
                    return new(default, Refused: Problems.TooLarge(limits));
                }
                if (read.IsCompleted || read.IsCanceled)
                    break;
                reader.AdvanceTo(read.Buffer.Start, read.Buffer.End); // keep it all, ask for more
            }
        }
        catch (BadHttpRequestException e) // the server's body limit, a broken chunked body
        {
            return new(default, Refused: Problems.Unreadable(e, limits));
        }
        catch (IOException e) when (!http.RequestAborted.IsCancellationRequested)
        {
            // Kestrel's chunk parser wraps some framing errors (an overflowing chunk size) as IOException.
            return new(default, Refused: Problems.Unreadable(e));
        }

        try
        {
            var value = parse(read.Buffer, limits, out var errors);
            return errors.Any ? new(default, Invalid: Problems.Invalid(errors)) : new(value);
        }
        finally
        {
            reader.AdvanceTo(read.Buffer.End);
        }
    }

    /// <summary>The Content-Encoding header if it names any coding but <c>identity</c>.</summary>
    private static string? Encoded(HttpRequest request)
    {
        string coding = request.Headers.ContentEncoding.ToString();
        return coding.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .All(c => c.Equals("identity", StringComparison.OrdinalIgnoreCase)) ? null : coding;
    }
}
