namespace Sentiment.Inference;

/// <summary>
/// Trained weights of the Embedding, LSTM, Dense model, row-major, in PyTorch/TorchSharp layout
/// (LSTM gate blocks in the order i, f, g, o).
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
    /// <summary>Throws <see cref="ArgumentException"/> when a size is not positive or an array does not match the sizes.</summary>
    public void Validate()
    {
        if (EmbeddingRows < 1 || EmbeddingDim < 1 || Hidden < 1 || Classes < 1)
            throw new ArgumentException("LSTM weight sizes must be positive.");
        int gates = 4 * Hidden;
        Check(Embedding, (long)EmbeddingRows * EmbeddingDim, nameof(Embedding), "[rows, dim]");
        Check(WeightIh, (long)gates * EmbeddingDim, nameof(WeightIh), "[4H, dim]");
        Check(WeightHh, (long)gates * Hidden, nameof(WeightHh), "[4H, H]");
        Check(BiasIh, gates, nameof(BiasIh), "[4H]");
        Check(BiasHh, gates, nameof(BiasHh), "[4H]");
        Check(DenseWeight, (long)Classes * Hidden, nameof(DenseWeight), "[classes, H]");
        Check(DenseBias, Classes, nameof(DenseBias), "[classes]");
    }

    private static void Check(float[] values, long expected, string name, string shape)
    {
        if (values is null || values.Length != expected)
            throw new ArgumentException($"{name} must hold {expected} values {shape}, has {values?.Length ?? 0}.");
    }
}
