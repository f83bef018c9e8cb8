using System.Text.Json;
using System.Text.Json.Nodes;
using Sentiment.Core;

namespace Sentiment.Inference.Tests;

/// <summary>
/// Generates the tiny test bundle committed under tests/TestData/tiny-bundle. Hidden unit 0 is wired
/// to add up word polarity (input, forget and output gates held open), so "great movie" leans
/// positive and "terrible movie" negative; every other weight is small seeded noise.
/// </summary>
internal static class TinyBundle
{
    public const int Seed = 20250101;
    public const int EmbeddingDim = 8;
    public const int Hidden = 8;

    public static readonly string[] Labels = ["negative", "positive"];

    private static readonly string[] Positive =
        ["good", "great", "excellent", "wonderful", "best", "love", "loved", "enjoyed", "fun", "amazing", "perfect", "beautiful"];

    private static readonly string[] Negative =
        ["bad", "terrible", "awful", "worst", "boring", "hate", "hated", "poor", "waste", "dull", "horrible", "stupid"];

    private static readonly string[] Neutral =
        ["the", "a", "and", "movie", "film", "it", "was", "is", "this", "of", "to", "i", "plot", "acting", "story", "not",
         "very", "but", "really", "so", "actors", "ending", "script", "don't", "time", "watch"];

    public static TokenizerSettings Settings { get; } = new(NumWords: 51, MaxLength: 20);

    /// <summary>Words in id order, positive, negative, then neutral.</summary>
    public static string[] Words => [.. Positive, .. Negative, .. Neutral];

    public static Vocabulary Vocabulary()
    {
        using var json = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(Words));
        return Sentiment.Core.Vocabulary.Load(json, Settings);
    }

    public static LstmWeights Weights()
    {
        var random = new SplitMix64(Seed);
        int rows = Words.Length + 1, gates = 4 * Hidden;
        var weights = new LstmWeights(rows, EmbeddingDim, Hidden, Labels.Length,
            random.Noise(rows * EmbeddingDim, 0.3f), random.Noise(gates * EmbeddingDim, 0.3f), random.Noise(gates * Hidden, 0.3f),
            random.Noise(gates, 0.1f), random.Noise(gates, 0.1f), random.Noise(Labels.Length * Hidden, 0.3f), new float[Labels.Length]);

        weights.Embedding.AsSpan(0, EmbeddingDim).Clear(); // padding row 0 stays zero, as padding_idx=0 in training
        for (int id = 1; id < rows; id++)
            weights.Embedding[id * EmbeddingDim] = id <= Positive.Length ? 1f : id <= Positive.Length + Negative.Length ? -1f : 0f;

        // Torch gate blocks i, f, g, o; unit 0 of each gate sits at row block * Hidden.
        foreach (int gate in new[] { 0, 1, 3 })
            weights.BiasIh[gate * Hidden] = 6f; // gate open: c accumulates, h shows it
        weights.BiasIh[2 * Hidden] = 0f;
        weights.BiasHh[2 * Hidden] = 0f;
        weights.WeightIh[2 * Hidden * EmbeddingDim] = 2f; // candidate follows polarity
        weights.DenseWeight[0 * Hidden] = -4f;
        weights.DenseWeight[1 * Hidden] = 4f;
        return weights;
    }

    /// <summary>The committed tiny bundle's name, version and fixed creation time.</summary>
    public static BundleDetails Details => new(
        Name: "tiny-sentiment", Version: "0.1.0", CreatedUtc: new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero),
        Training: new JsonObject { ["generator"] = "tests/Sentiment.Inference.Tests/TinyBundle.cs", ["seed"] = Seed });

    public static ModelManifest Write(string directory) =>
        BundleWriter.Write(directory, Vocabulary(), Weights(), Labels, Details);

    /// <summary>A fixed, version-independent generator (System.Random's seeded sequence is not a documented contract).</summary>
    private sealed class SplitMix64(ulong state)
    {
        public float[] Noise(int count, float scale)
        {
            var values = new float[count];
            for (int i = 0; i < count; i++)
                values[i] = (float)((Next() >> 11) * (1.0 / (1UL << 53)) * 2 - 1) * scale;
            return values;
        }

        private ulong Next()
        {
            ulong z = state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}
