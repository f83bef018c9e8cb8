using System.Security.Cryptography;

namespace Sentiment.Inference;

internal static class Sha256
{
    /// <summary>Lower-case hex, as stored in model.json.</summary>
    public static string Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
