using Sentiment.TestKit;

namespace Sentiment.EndToEnd.Tests;

/// <summary>
/// The API started once as a real process (`dotnet Sentiment.Api.dll`) over the committed tiny
/// bundle, on the port Kestrel picks; shared by the tests of one collection.
/// </summary>
public sealed class TinyBundleService : IAsyncLifetime
{
    private ApiProcess? _process;

    public Uri BaseAddress { get; private set; } = null!;

    internal ApiProcess Process => _process!;

    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(10) };

    internal static ApiProcess Start(IReadOnlyDictionary<string, string>? environment = null) =>
        ApiProcess.Start(BuildInfo.ApiAssembly,
            environment ?? new Dictionary<string, string> { ["Model__Path"] = TinyBundleFiles.Committed });

    public async Task InitializeAsync()
    {
        _process = Start();
        BaseAddress = await _process.WaitUntilReadyAsync();
    }

    public async Task DisposeAsync()
    {
        if (_process is not null)
            await _process.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class TinyBundleServiceCollection : ICollectionFixture<TinyBundleService>
{
    public const string Name = "tiny-bundle service";
}
