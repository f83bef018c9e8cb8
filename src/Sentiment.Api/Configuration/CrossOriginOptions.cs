namespace Sentiment.Api.Configuration;

/// <summary>Browser origins allowed to call the API (section <c>Cors</c>); none by default.</summary>
public sealed class CrossOriginOptions
{
    public const string Section = "Cors";

    /// <summary>Exact origins, such as <c>https://app.example.com</c>.</summary>
    public List<string> AllowedOrigins { get; set; } = [];
}
