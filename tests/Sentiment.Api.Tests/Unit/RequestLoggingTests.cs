using Sentiment.Api.Operations;
using Sentiment.Api.Serving;
using Serilog.Events;
using Serilog.Parsing;

namespace Sentiment.Api.Tests.Unit;

/// <summary>Only the host's echo of a refused start is dropped from the log, nothing else.</summary>
public sealed class RequestLoggingTests
{
    [Fact]
    public void HostsReportOfARefusedStart_IsDropped()
    {
        var refusal = new StartupRefusedException("bad bundle", new IOException("missing"));

        Assert.True(RequestLogging.IsHostEchoOfRefusal(Event("Microsoft.Extensions.Hosting.Internal.Host", refusal)));
    }

    [Theory]
    [InlineData("Microsoft.AspNetCore.Diagnostics.ExceptionHandlerMiddleware")]
    [InlineData("Sentiment.Api")]
    public void AnIOExceptionLoggedByAnythingElse_IsKept(string source)
    {
        Assert.False(RequestLogging.IsHostEchoOfRefusal(Event(source, new IOException("disk full while answering"))));
    }

    [Fact]
    public void AnotherFailureOfTheHost_IsKept()
    {
        Assert.False(RequestLogging.IsHostEchoOfRefusal(Event("Microsoft.Extensions.Hosting.Internal.Host", new InvalidOperationException("bug"))));
    }

    private static LogEvent Event(string source, Exception exception) => new(
        DateTimeOffset.UtcNow, LogEventLevel.Error, exception, new MessageTemplateParser().Parse("failed"),
        [new LogEventProperty("SourceContext", new ScalarValue(source))]);
}
