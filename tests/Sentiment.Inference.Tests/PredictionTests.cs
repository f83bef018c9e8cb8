namespace Sentiment.Inference.Tests;

public class PredictionTests
{
    [Theory]
    [InlineData(new[] { 0.2f, 0.8f }, 1)]
    [InlineData(new[] { 0.7f, 0.1f, 0.2f }, 0)]
    [InlineData(new[] { 0.1f, 0.45f, 0.45f }, 1)]
    [InlineData(new[] { 1f }, 0)]
    public void ArgMax_IsTheMostProbableClassAndTheFirstOnATie(float[] probabilities, int expected) =>
        Assert.Equal(expected, Prediction.ArgMax(probabilities));

    [Fact]
    public void ArgMax_EmptyRow_Throws() => Assert.Throws<ArgumentOutOfRangeException>(() => Prediction.ArgMax([]));
}
