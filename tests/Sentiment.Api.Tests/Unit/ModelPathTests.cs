using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Sentiment.Api.Configuration;
using Sentiment.Api.Tests.Infrastructure;

namespace Sentiment.Api.Tests.Unit;

/// <summary>Where the service looks for its model when nobody says.</summary>
public sealed class ModelPathTests
{
    [Fact]
    public void InTheContainer_DefaultIsModelsUnderTheWorkingFolder()
    {
        Assert.Equal("/app/models", new ModelOptions().ResolvePath("/app"));
    }

    [Fact]
    public void AbsolutePath_IsKept()
    {
        Assert.Equal("/data/bundle", new ModelOptions { Path = "/data/bundle" }.ResolvePath("/app"));
    }

    [Fact]
    public void UnderDotnetRun_DefaultIsTheRepositorysModelsFolder()
    {
        // dotnet run uses the project folder as working folder and content root, in Development.
        using var factory = new FakeModelFactory();
        var services = factory.Services;
        string contentRoot = services.GetRequiredService<IHostEnvironment>().ContentRootPath;

        string resolved = services.GetRequiredService<IOptions<ModelOptions>>().Value.ResolvePath(contentRoot);

        Assert.EndsWith(Path.Combine("src", "Sentiment.Api"), contentRoot.TrimEnd(Path.DirectorySeparatorChar));
        string repository = Path.GetFullPath(Path.Combine(contentRoot, "..", ".."));
        Assert.True(File.Exists(Path.Combine(repository, "SentimentApi.sln")));
        Assert.Equal(Path.Combine(repository, "models"), resolved);
    }
}
