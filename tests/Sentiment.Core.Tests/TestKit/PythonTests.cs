using System.Diagnostics;
using Sentiment.TestKit;

namespace Sentiment.Core.Tests.TestKit;

public class PythonTests
{
    [PythonFact("json", "python3")]
    public void Run_PassesInputAndGivesOutputAndExitCode()
    {
        var (exitCode, output, error) = Python.Run(["-c", "import sys; print(sys.stdin.read().upper()); sys.exit(3)"], "héllo");

        Assert.Equal(3, exitCode);
        Assert.Equal("HÉLLO", output.Trim());
        Assert.Equal("", error);
    }

    [PythonFact("time", "python3")]
    public void Run_LongerThanTheTimeout_IsKilledAndThrows()
    {
        var clock = Stopwatch.StartNew();

        var error = Assert.Throws<TimeoutException>(
            () => Python.Run(["-c", "import time; time.sleep(120)"], "", TimeSpan.FromMilliseconds(500)));

        Assert.Contains("did not finish within 0.5 s", error.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"took {clock.Elapsed}");
    }

    [PythonFact("time", "python3")]
    public void Run_ScriptThatNeverReadsItsInput_StillFinishes()
    {
        // More than a pipe's buffer: a blocking write before waiting would never return.
        var (exitCode, _, _) = Python.Run(["-c", "pass"], new string('x', 1 << 20));

        Assert.Equal(0, exitCode);
    }
}
