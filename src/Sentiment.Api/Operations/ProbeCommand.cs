namespace Sentiment.Api.Operations;

/// <summary>
/// <c>--probe [url|path]</c>: asks a running instance for its health and exits 0 (2xx) or 1, so a
/// container HEALTHCHECK needs no curl. Without a full URL the port comes from ASPNETCORE_URLS or
/// ASPNETCORE_HTTP_PORTS (as the server reads them) and the path defaults to /health/ready.
/// </summary>
public static class ProbeCommand
{
    public const string Flag = "--probe";

    public static bool IsProbe(string[] args) => args.Length > 0 && args[0] == Flag;

    public static async Task<int> RunAsync(string[] args)
    {
        var target = ResolveTarget(args.Length > 1 ? args[1] : null,
            Environment.GetEnvironmentVariable("ASPNETCORE_URLS"),
            Environment.GetEnvironmentVariable("ASPNETCORE_HTTP_PORTS"));
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            using var response = await client.GetAsync(target);
            Console.WriteLine($"{target}: {(int)response.StatusCode}");
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            Console.WriteLine($"{target}: {e.Message}");
            return 1;
        }
    }

    /// <summary>The URL to probe: the argument when it is absolute, else the local server plus a path.</summary>
    public static Uri ResolveTarget(string? argument, string? urls, string? httpPorts)
    {
        if (argument is not null && Uri.TryCreate(argument, UriKind.Absolute, out var absolute) && absolute.Scheme.StartsWith("http"))
            return absolute;
        string path = string.IsNullOrEmpty(argument) ? "/health/ready" : "/" + argument.TrimStart('/');
        return new Uri(LocalBase(urls, httpPorts), path);
    }

    private static Uri LocalBase(string? urls, string? httpPorts)
    {
        string? first = urls?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        if (first is not null)
        {
            // Wildcard hosts (+, *, 0.0.0.0, [::]) listen on loopback too.
            var bound = new UriBuilder(first.Replace("://+", "://localhost").Replace("://*", "://localhost"));
            if (bound.Host is "localhost" or "0.0.0.0" or "[::]" or "::")
                bound.Host = "127.0.0.1";
            return new Uri(bound.Uri.GetLeftPart(UriPartial.Authority));
        }
        string port = httpPorts?.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .FirstOrDefault() ?? "5000"; // Kestrel's own default
        return new Uri($"http://127.0.0.1:{port}");
    }
}
