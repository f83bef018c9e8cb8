using Sentiment.Core;

namespace Sentiment.Inference;

/// <summary>
/// Trained weights of the Embedding, LSTM, Dense model, row-major, in PyTorch/TorchSharp layout
/// (LSTM gate blocks in the order i, f, g, o). The positional members are the plain model; the
/// init-only ones choose a variant, and their defaults give the plain model's graph byte for byte.
/// </summary>
public sealed record LstmWeights(
    int EmbeddingRows,
    int EmbeddingDim,
    int Hidden,
    int Classes,
    float[] Embedding,
    float[] WeightIh,
    float[] WeightHh,
    float[] BiasIh,
    float[] BiasHh,
    float[] DenseWeight,
    float[] DenseBias)
{
    /// <summary>The backward direction of a bidirectional LSTM (PyTorch's <c>*_reverse</c>); null for forward only.</summary>
    public LstmDirection? Reverse { get; init; }

    /// <summary>What the dense layer reads.</summary>
    public StatePooling Pooling { get; init; } = StatePooling.Last;

    /// <summary>Logits are divided by this before the softmax; exactly 1 adds no node.</summary>
    public double Temperature { get; init; } = 1;

    /// <summary>1, or 2 when <see cref="Reverse"/> is set.</summary>
    public int Directions => Reverse is null ? 1 : 2;

    /// <summary>Width of the dense layer's input: the last state, or the last state, max and mean, of every direction.</summary>
    public int Features => Hidden * Directions * (Pooling == StatePooling.LastMaxMean ? 3 : 1);

    /// <summary>Throws <see cref="ArgumentException"/> when a size is not positive or an array does not match the sizes.</summary>
    public void Validate()
    {
        if (EmbeddingRows < 1 || EmbeddingDim < 1 || Hidden < 1 || Classes < 1)
            throw new ArgumentException("LSTM weight sizes must be positive.");
        if (!Enum.IsDefined(Pooling))
            throw new ArgumentException($"Pooling {Pooling} is not a known pooling.");
        float temperature = (float)Temperature; // the graph holds it as a float
        if (!(temperature > 0) || !float.IsFinite(temperature))
            throw new ArgumentException($"Temperature must be a positive finite number, was {Temperature}.");
        Check(Embedding, (long)EmbeddingRows * EmbeddingDim, nameof(Embedding), "[rows, dim]");
        new LstmDirection(WeightIh, WeightHh, BiasIh, BiasHh).Validate(EmbeddingDim, Hidden, "");
        Reverse?.Validate(EmbeddingDim, Hidden, $"{nameof(Reverse)}.");
        Check(DenseWeight, (long)Classes * Features, nameof(DenseWeight), "[classes, H x directions x (3 if pooled, else 1)]");
        Check(DenseBias, Classes, nameof(DenseBias), "[classes]");
    }

    internal static void Check(float[] values, long expected, string name, string shape)
    {
        if (values is null || values.Length != expected)
            throw new ArgumentException($"{name} must hold {expected} values {shape}, has {values?.Length ?? 0}.");
    }
}

/// <summary>The weights of one LSTM direction, in PyTorch layout (gate blocks i, f, g, o).</summary>
public sealed record LstmDirection(float[] WeightIh, float[] WeightHh, float[] BiasIh, float[] BiasHh)
{
    internal void Validate(int embeddingDim, int hidden, string prefix)
    {
        int gates = 4 * hidden;
        LstmWeights.Check(WeightIh, (long)gates * embeddingDim, prefix + nameof(WeightIh), "[4H, dim]");
        LstmWeights.Check(WeightHh, (long)gates * hidden, prefix + nameof(WeightHh), "[4H, H]");
        LstmWeights.Check(BiasIh, gates, prefix + nameof(BiasIh), "[4H]");
        LstmWeights.Check(BiasHh, gates, prefix + nameof(BiasHh), "[4H]");
    }
}
