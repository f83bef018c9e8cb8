using Sentiment.Trainer.Pretraining;
using Xunit;

namespace Sentiment.Trainer.Tests;

public class SkipGramTests
{
    // ids: 1 good, 2 great, 3 bad, 4 awful, 5 film, 6 lovely, 7 fun, 8 boring, 9 dull
    private static readonly int[][] Texts = [.. Enumerable.Range(0, 400).Select(i => (i % 4) switch
    {
        0 => new[] { 5, 1, 6, 7 },
        1 => [5, 2, 6, 7],
        2 => [5, 3, 8, 9],
        _ => [5, 4, 8, 9],
    })];

    private static float[] Train(int seed) =>
        SkipGram.Train(Texts, 10, new SkipGramSettings(Dimensions: 16, Window: 2, Epochs: 5, Subsample: 0, BatchSize: 256, Seed: seed), _ => { });

    [Fact]
    public void WordsUsedAlike_GetCloserVectors_ThanWordsUsedApart()
    {
        float[] v = Train(1);
        Assert.True(Cosine(v, 1, 2) > Cosine(v, 1, 3) + 0.3, $"good~great {Cosine(v, 1, 2):F2}, good~bad {Cosine(v, 1, 3):F2}");
        Assert.True(Cosine(v, 3, 4) > Cosine(v, 2, 4) + 0.3, $"bad~awful {Cosine(v, 3, 4):F2}, great~awful {Cosine(v, 2, 4):F2}");
    }

    [Fact]
    public void PaddingRowIsZero_AndTheSameSeedGivesTheSameVectors()
    {
        float[] first = Train(3);
        Assert.All(first[..16], value => Assert.Equal(0f, value));
        Assert.Equal(first, Train(3));
    }

    private static double Cosine(float[] v, int a, int b)
    {
        double dot = 0, na = 0, nb = 0;
        for (int i = 0; i < 16; i++)
        {
            dot += v[a * 16 + i] * v[b * 16 + i];
            na += v[a * 16 + i] * v[a * 16 + i];
            nb += v[b * 16 + i] * v[b * 16 + i];
        }
        return dot / Math.Sqrt(na * nb);
    }
}
