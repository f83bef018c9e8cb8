using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Sentiment.Api.Configuration;

namespace Sentiment.Api.Access;

/// <summary>The configured keys' hashes; finds the key a client sent without revealing, by timing, how close it was.</summary>
public sealed class ApiKeyRing(IOptions<AuthOptions> options)
{
    private readonly (ApiKeyOptions Key, byte[] Hash)[] _keys =
        [.. options.Value.ApiKeys.Select(key => (key, Convert.FromHexString(key.Sha256)))];

    public bool Enabled => _keys.Length > 0;

    /// <summary>The entry whose hash is the SHA-256 of <paramref name="key"/>, or null.</summary>
    public ApiKeyOptions? Find(string key)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(key), hash);
        ApiKeyOptions? found = null;
        foreach (var (entry, expected) in _keys) // every entry, so the time does not tell which one matched
        {
            if (CryptographicOperations.FixedTimeEquals(hash, expected))
                found = entry;
        }
        return found;
    }
}
