using System.Net;

namespace Sentiment.EndToEnd.Tests;

/// <summary>Every path a probe of the Kubernetes Deployment names is served by the running service.</summary>
[Collection(TinyBundleServiceCollection.Name)]
public sealed class KubernetesProbeTests(TinyBundleService service)
{
    private static readonly string Deployment =
        Path.Combine(AppContext.BaseDirectory, "TestData", "kubernetes", "deployment.yaml");

    public static TheoryData<string, string> Probes()
    {
        var data = new TheoryData<string, string>();
        foreach (var (probe, path) in ProbeManifest.HttpProbes(File.ReadAllLines(Deployment))) data.Add(probe, path);
        return data;
    }

    [Fact]
    public void Deployment_ProbesLivenessAndReadinessOnTheirHealthEndpoints()
    {
        var probes = ProbeManifest.HttpProbes(File.ReadAllLines(Deployment));
        Assert.Contains(("livenessProbe", "/health/live"), probes);
        Assert.Contains(("readinessProbe", "/health/ready"), probes);
    }

    [Theory]
    [MemberData(nameof(Probes))]
    public async Task ProbePath_IsServedWith200(string probe, string path)
    {
        using var client = service.CreateClient();
        using var response = await client.GetAsync(path);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{probe} GET {path} answered {(int)response.StatusCode}");
    }
}
