using System.Security.Cryptography;
using System.Text;

namespace Sentiment.Api.Tests.Infrastructure;

/// <summary>Two API keys, configured as the README says: by name and the hex SHA-256 of the key.</summary>
internal static class TestKeys
{
    public const string Ci = "ci-key-4f1e9a";
    public const string Ops = "ops-key-b27c03";

    public static string Sha256(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>Settings with keys named "ci" and "ops" (admin), plus any others.</summary>
    public static Dictionary<string, string> Settings(params (string Key, string Value)[] more)
    {
        var settings = new Dictionary<string, string>
        {
            ["Auth:ApiKeys:0:Name"] = "ci",
            ["Auth:ApiKeys:0:Sha256"] = Sha256(Ci),
            ["Auth:ApiKeys:1:Name"] = "ops",
            ["Auth:ApiKeys:1:Sha256"] = Sha256(Ops).ToUpperInvariant(), // either case of hex
            ["Auth:ApiKeys:1:Admin"] = "true",
        };
        foreach (var (key, value) in more)
            settings[key] = value;
        return settings;
    }
}
