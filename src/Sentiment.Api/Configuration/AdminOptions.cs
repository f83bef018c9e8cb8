namespace Sentiment.Api.Configuration;

/// <summary>Admin endpoints such as <c>POST /admin/reload</c> (section <c>Admin</c>).</summary>
public sealed class AdminOptions
{
    public const string Section = "Admin";

    /// <summary>
    /// With no API keys configured, admin endpoints are refused unless this is set, for local use:
    /// anyone who can reach the port could then reload the model. With keys, an <c>Admin</c> key is needed.
    /// </summary>
    public bool AllowUnauthenticated { get; set; }
}
