using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Sentiment.Api.Serving;

namespace Sentiment.Api.Tests.Infrastructure;

/// <summary>The real service over a real model bundle, with optional extra settings.</summary>
public class BundleApiFactory(string modelPath, params (string Key, string Value)[] settings) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Model:Path", modelPath);
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        foreach (var (key, value) in settings)
            builder.UseSetting(key, value);
    }

    /// <summary>A client, once /health/ready says the model has loaded and warmed up.</summary>
    public async Task<HttpClient> CreateReadyClientAsync()
    {
        var client = CreateClient();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while ((await client.GetAsync("/health/ready")).StatusCode != HttpStatusCode.OK)
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"The model in {modelPath} did not become ready.");
            await Task.Delay(20);
        }
        return client;
    }
}

public sealed class TinyBundleFactory() : BundleApiFactory(TestPaths.TinyBundle);

public sealed class ShippedModelFactory() : BundleApiFactory(TestPaths.ShippedModel);

/// <summary>The service with a fake model, for endpoint behaviour that does not depend on ONNX.</summary>
public sealed class FakeModelFactory : WebApplicationFactory<Program>
{
    public FakeSentimentModel Model { get; } = new();

    /// <summary>Test hosts run as Development; this one as the service does in production.</summary>
    public bool Production { get; init; }

    /// <summary>Extra settings, as configuration keys (<c>Auth:ApiKeys:0:Name</c>).</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        foreach (var (key, value) in Settings)
            builder.UseSetting(key, value);
        if (Production)
            builder.UseEnvironment("Production");
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<ISentimentModel>();
            services.AddSingleton<ISentimentModel>(Model);
        });
    }
}
