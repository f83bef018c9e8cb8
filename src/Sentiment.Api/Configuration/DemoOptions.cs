namespace Sentiment.Api.Configuration;

/// <summary>The demo page at / (section <c>Demo</c>).</summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";

    /// <summary>Serve the demo page at /; off, / is 404. The page calls the API with the key typed into it.</summary>
    public bool Enabled { get; set; } = true;
}
