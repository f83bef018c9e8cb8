using Sentiment.TestKit;

namespace Sentiment.Behaviour.Tests;

internal static class TestFiles
{
    /// <summary>The committed suite, copied beside the runner and from there into this output folder.</summary>
    public static string Suite => Path.Combine(AppContext.BaseDirectory, "suite.json");

    public static string TinyBundle => TinyBundleFiles.Committed;
}
