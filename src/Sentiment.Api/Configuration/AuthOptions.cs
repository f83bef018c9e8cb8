using System.ComponentModel.DataAnnotations;

namespace Sentiment.Api.Configuration;

/// <summary>Optional API keys (section <c>Auth</c>); with none configured the API is open.</summary>
public sealed class AuthOptions : IValidatableObject
{
    public const string Section = "Auth";

    /// <summary>The accepted keys, each stored only as the hex SHA-256 of the key.</summary>
    public List<ApiKeyOptions> ApiKeys { get; set; } = [];

    /// <summary>Whether /metrics needs a key too (health probes never do).</summary>
    public bool ProtectMetrics { get; set; }

    public bool Enabled => ApiKeys.Count > 0;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < ApiKeys.Count; i++)
        {
            var key = ApiKeys[i];
            string at = $"{Section}:ApiKeys:{i}";
            if (string.IsNullOrWhiteSpace(key.Name))
                yield return new ValidationResult($"{at}:Name is required.", [nameof(ApiKeys)]);
            else if (!names.Add(key.Name))
                yield return new ValidationResult($"{at}:Name '{key.Name}' is used by another key.", [nameof(ApiKeys)]);
            if (!IsSha256Hex(key.Sha256))
                yield return new ValidationResult(
                    $"{at}:Sha256 must be 64 hex digits (the SHA-256 of the key), not '{key.Sha256}'.", [nameof(ApiKeys)]);
        }
    }

    private static bool IsSha256Hex(string? hex) => hex is { Length: 64 } && hex.All(Uri.IsHexDigit);
}

/// <summary>One API key: a name for logs and metrics, the key's hash, and whether it may use admin endpoints.</summary>
public sealed class ApiKeyOptions
{
    public string Name { get; set; } = "";

    public string Sha256 { get; set; } = "";

    public bool Admin { get; set; }
}
