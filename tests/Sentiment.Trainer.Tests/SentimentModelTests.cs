using Sentiment.Core;
using Sentiment.Trainer.Model;
using static TorchSharp.torch;

namespace Sentiment.Trainer.Tests;

[Collection(TorchCollection.Name)]
public sealed class SentimentModelTests
{
    private static readonly ModelShape Shape = new(EmbeddingRows: 6, EmbeddingDim: 3, LstmUnits: 4, Classes: 2, Bidirectional: true, StatePooling.LastMaxMean);

    [Fact]
    public void LoadEmbedding_CopiesTheVectorsAndKeepsPaddingRowZero()
    {
        using var model = new SentimentModel(Shape, dropout: 0);
        float[] vectors = [.. Enumerable.Range(1, 18).Select(i => i / 10f)];

        model.LoadEmbedding(vectors);

        float[] embedding = model.ExportWeights().Embedding;
        Assert.Equal(new float[3], embedding[..3]);
        Assert.Equal(vectors[3..], embedding[3..]);
    }

    [Fact]
    public void LoadEmbedding_WrongSize_SaysWhatItNeeds()
    {
        using var model = new SentimentModel(Shape, dropout: 0);

        var error = Assert.Throws<ArgumentException>(() => model.LoadEmbedding(new float[17]));

        Assert.Contains("18 values [6 rows, 3]", error.Message);
    }

    [Fact]
    public void ExportWeights_Variant_FillsReverseDirectionAndWideDenseLayer()
    {
        using var model = new SentimentModel(Shape, dropout: 0);

        var weights = model.ExportWeights();

        weights.Validate();
        Assert.Equal((2, StatePooling.LastMaxMean, 2 * 4 * 2 * 3), (weights.Directions, weights.Pooling, weights.DenseWeight.Length));
        Assert.NotEqual(weights.WeightHh, weights.Reverse!.WeightHh); // each direction has its own weights
        Assert.Equal(1f, weights.Reverse.BiasIh[4]); // Keras' unit forget bias on the reverse direction too
    }

    [Fact]
    public void FeatureDropout_ChangesLogitsInTrainingOnly()
    {
        manual_seed(3);
        using var model = new SentimentModel(Shape, dropout: 0, featureDropout: 0.5);
        using var ids = tensor(new long[] { 1, 2, 3, 4, 5, 1 }, [2, 3]);
        using var lengths = tensor(new long[] { 3, 2 });

        model.train();
        using var first = model.call(ids, lengths);
        using var second = model.call(ids, lengths);
        model.eval();
        using var evaluated = model.call(ids, lengths);
        using var again = model.call(ids, lengths);

        Assert.False(first.allclose(second));
        Assert.True(evaluated.allclose(again, rtol: 0, atol: 0));
    }
}
