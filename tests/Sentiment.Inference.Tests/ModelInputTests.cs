namespace Sentiment.Inference.Tests;

public class ModelInputTests
{
    [Fact]
    public void Ids_TextWithNoKnownWord_IsOnePaddingToken() => Assert.Equal([0], ModelInput.Ids([]));

    [Fact]
    public void Ids_TextWithIds_KeepsThem()
    {
        int[] ids = [4, 2];

        Assert.Same(ids, ModelInput.Ids(ids));
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 1)]
    [InlineData(7, 7)]
    public void Length_IsAtLeastTheOnePaddingToken(int idCount, int length) => Assert.Equal(length, ModelInput.Length(idCount));

    [Fact]
    public void PackRow_RightPadsWithZerosAndReturnsTheLength()
    {
        long[] row = [9, 9, 9, 9];

        int length = ModelInput.PackRow([5, 6], row);

        Assert.Equal(2, length);
        Assert.Equal([5L, 6, 0, 0], row);
    }

    [Fact]
    public void PackRow_EmptyText_WritesThePaddingTokenWithLengthOne()
    {
        long[] row = [9, 9];

        Assert.Equal(1, ModelInput.PackRow([], row));
        Assert.Equal([0L, 0], row);
    }

    [Fact]
    public void PackRow_RowNarrowerThanTheText_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ModelInput.PackRow([1, 2, 3], new long[2]));
}
