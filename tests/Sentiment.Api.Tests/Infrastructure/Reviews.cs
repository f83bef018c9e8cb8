using System.Text.Json;

namespace Sentiment.Api.Tests.Infrastructure;

/// <summary>Texts of many shapes and lengths, built from the tiny bundle's vocabulary and some unknown words.</summary>
internal static class Reviews
{
    private static readonly string[] Words =
    [
        "good", "great", "terrible", "boring", "the", "movie", "was", "not", "really", "acting", "plot",
        "wonderful", "awful", "unknownword", "cinema", "and", "i", "loved", "hated", "ending",
    ];

    public static string[] Mixed(int count, int seed = 7)
    {
        var random = new Random(seed);
        var texts = new string[count];
        for (int i = 0; i < count; i++)
        {
            int length = random.Next(10) == 0 ? random.Next(40, 400) : random.Next(1, 35);
            texts[i] = string.Join(' ', Enumerable.Range(0, length).Select(_ => Words[random.Next(Words.Length)]));
        }
        return texts;
    }

    public static string Body(string text) => JsonSerializer.Serialize(new { text });

    public static string BatchBody(IEnumerable<string> texts) => JsonSerializer.Serialize(new { texts });
}
