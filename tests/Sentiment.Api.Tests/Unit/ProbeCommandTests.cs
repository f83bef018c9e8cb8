using Sentiment.Api.Operations;

namespace Sentiment.Api.Tests.Unit;

public sealed class ProbeCommandTests
{
    [Theory]
    [InlineData(null, null, null, "http://127.0.0.1:5000/health/ready")]
    [InlineData(null, null, "8080", "http://127.0.0.1:8080/health/ready")]
    [InlineData(null, "http://+:8080", null, "http://127.0.0.1:8080/health/ready")]
    [InlineData(null, "http://*:9000;http://localhost:9001", null, "http://127.0.0.1:9000/health/ready")]
    [InlineData(null, "http://0.0.0.0:7000", "8080", "http://127.0.0.1:7000/health/ready")]
    [InlineData(null, "http://[::]:7001", null, "http://127.0.0.1:7001/health/ready")]
    [InlineData("/health/live", "http://+:8080", null, "http://127.0.0.1:8080/health/live")]
    [InlineData("health/live", null, "8080", "http://127.0.0.1:8080/health/live")]
    [InlineData("http://127.0.0.1:8080/health/ready", "http://+:1234", null, "http://127.0.0.1:8080/health/ready")]
    public void ResolveTarget_FollowsTheServersOwnAddressSettings(string? argument, string? urls, string? ports, string expected)
    {
        Assert.Equal(new Uri(expected), ProbeCommand.ResolveTarget(argument, urls, ports));
    }

    [Fact]
    public void IsProbe_OnlyForTheProbeFlagFirst()
    {
        Assert.True(ProbeCommand.IsProbe(["--probe"]));
        Assert.False(ProbeCommand.IsProbe([]));
        Assert.False(ProbeCommand.IsProbe(["--urls", "http://+:80", "--probe"]));
    }

    [Fact]
    public async Task Probe_WhenNothingListens_Returns1()
    {
        Assert.Equal(1, await ProbeCommand.RunAsync(["--probe", "http://127.0.0.1:1/health/ready"]));
    }
}
