using System.Text.Json;
using System.Text.RegularExpressions;

namespace Sentiment.Api.Tests.Infrastructure;

/// <summary>Compares a documented Swagger example with a real answer: the same fields, the same values.</summary>
internal static partial class ExampleAssert
{
    public static void Same(JsonElement example, JsonElement real, string where)
    {
        switch (example.ValueKind)
        {
            case JsonValueKind.Object:
                Assert.True(real.ValueKind == JsonValueKind.Object, $"{where}: documented an object, got {real}");
                var names = example.EnumerateObject().Select(p => p.Name).Order().ToArray();
                Assert.True(names.SequenceEqual(real.EnumerateObject().Select(p => p.Name).Order()),
                    $"{where}: documented fields {string.Join(", ", names)}, got {real}");
                foreach (var property in example.EnumerateObject())
                {
                    if (property.Name == "traceId")
                        TraceIds(property.Value, real.GetProperty("traceId"), where);
                    else
                        Same(property.Value, real.GetProperty(property.Name), $"{where}.{property.Name}");
                }
                break;
            case JsonValueKind.Array:
                Assert.True(real.ValueKind == JsonValueKind.Array && real.GetArrayLength() == example.GetArrayLength(),
                    $"{where}: documented {example}, got {real}");
                for (int i = 0; i < example.GetArrayLength(); i++)
                    Same(example[i], real[i], $"{where}[{i}]");
                break;
            case JsonValueKind.Number:
                Assert.True(real.ValueKind == JsonValueKind.Number, $"{where}: documented {example}, got {real}");
                Assert.Equal(example.GetDouble(), real.GetDouble(), 1e-7);
                break;
            default:
                Assert.True(example.ValueKind == real.ValueKind && example.ToString() == real.ToString(),
                    $"{where}: documented {example}, got {real}");
                break;
        }
    }

    /// <summary>The example shows the W3C trace context the service sends (RunningServiceTests checks that).</summary>
    private static void TraceIds(JsonElement example, JsonElement real, string where)
    {
        Assert.Matches(W3CTraceContext(), example.GetString());
        Assert.False(string.IsNullOrEmpty(real.GetString()), $"{where}: no traceId");
    }

    [GeneratedRegex("^00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]$")]
    public static partial Regex W3CTraceContext();
}
