using System.Text.Encodings.Web;
using System.Text.Json;

namespace Sentiment.Core;

/// <summary>JSON settings shared by every bundle file Core writes, so bytes and hashes are stable.</summary>
internal static class CoreJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        NewLine = "\n",
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        // Files, not HTML: keep quotes, accents and emoji readable rather than \uXXXX.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
