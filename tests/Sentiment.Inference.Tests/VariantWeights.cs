using Sentiment.Core;

namespace Sentiment.Inference.Tests;

/// <summary>The tiny bundle's weights turned into a variant: seeded noise for the reverse direction and a wider dense layer.</summary>
internal static class VariantWeights
{
    public static LstmWeights Of(bool bidirectional, StatePooling pooling, double temperature = 1)
    {
        var random = new Random(3);
        float[] Noise(int count) => [.. Enumerable.Range(0, count).Select(_ => (float)(random.NextDouble() * 2 - 1) * 0.5f)];
        var plain = TinyBundle.Weights();
        int gates = 4 * plain.Hidden;
        var variant = plain with
        {
            Reverse = bidirectional
                ? new LstmDirection(Noise(gates * plain.EmbeddingDim), Noise(gates * plain.Hidden), Noise(gates), Noise(gates))
                : null,
            Pooling = pooling,
            Temperature = temperature,
        };
        return variant with { DenseWeight = Noise(variant.Classes * variant.Features) };
    }

    /// <summary>Every variant the trainer can produce, by name.</summary>
    public static readonly string[] All = ["forward-last", "forward-pooled", "bidirectional-last", "bidirectional-pooled"];

    public static TheoryData<string> Names => [.. All];

    public static LstmWeights Named(string name, double temperature = 1) => name switch
    {
        "forward-last" => Of(false, StatePooling.Last, temperature),
        "forward-pooled" => Of(false, StatePooling.LastMaxMean, temperature),
        "bidirectional-last" => Of(true, StatePooling.Last, temperature),
        "bidirectional-pooled" => Of(true, StatePooling.LastMaxMean, temperature),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };
}
