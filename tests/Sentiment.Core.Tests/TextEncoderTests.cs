using Sentiment.Core;

namespace Sentiment.Core.Tests;

public class TextEncoderTests
{
    private static TextEncoder Encoder(int maxLength = 200, string? oov = null, string truncating = "pre")
    {
        var settings = new TokenizerSettings(NumWords: 4, MaxLength: maxLength, OovToken: oov, Truncating: truncating);
        return new TextEncoder(Vocabulary.Fit(["b a c", "c b d", "e e"], settings), settings);
    }

    [Fact]
    public void Encode_DropsUnknownAndCutOffWords()
    {
        var encoded = Encoder().Encode("A b C d E z");

        Assert.Equal([1, 2, 3], encoded.Ids); // b c e; "a" and "d" rank past numWords - 1
        Assert.Equal(6, encoded.TotalTokens);
        Assert.Equal(3, encoded.KnownTokens);
        Assert.False(encoded.Truncated);
    }

    [Fact]
    public void Encode_WithOovToken_MapsUnknownAndCutOffWordsToOne() =>
        Assert.Equal([1, 2, 3, 1, 1, 1], Encoder(oov: "<oov>").Encode("a b c d e z").Ids);

    [Fact]
    public void Encode_LongText_KeepsTheLastMaxLengthIds()
    {
        var encoded = Encoder(maxLength: 3).Encode("b c e e c e b");

        Assert.Equal([2, 3, 1], encoded.Ids);
        Assert.True(encoded.Truncated);
        Assert.Equal(7, encoded.KnownTokens);
    }

    [Fact]
    public void Encode_LongTextWithPostTruncation_KeepsTheFirstIds() =>
        Assert.Equal([1, 2, 3], Encoder(maxLength: 3, truncating: "post").Encode("b c e e c e b").Ids);

    [Fact]
    public void Encode_ExactlyMaxLength_IsNotTruncated()
    {
        var encoded = Encoder(maxLength: 3).Encode("b c e");

        Assert.Equal([1, 2, 3], encoded.Ids);
        Assert.False(encoded.Truncated);
    }

    [Fact]
    public void Encode_UnknownWordsDoNotCountTowardsMaxLength() =>
        Assert.Equal([1, 2], Encoder(maxLength: 2).Encode("x b y c z").Ids);

    [Theory]
    [InlineData("")]
    [InlineData("nothing known here")]
    public void Encode_WithoutKnownWords_ReturnsNoIds(string text) => Assert.Empty(Encoder().Encode(text).Ids);

    [Fact]
    public void Encode_LongTextOverPooledBuffers_MatchesShortPath()
    {
        string text = string.Concat(Enumerable.Repeat("B c! E, ", 400)); // beyond the stack buffers
        var encoded = Encoder(maxLength: 1000).Encode(text);

        Assert.Equal(1200, encoded.TotalTokens);
        Assert.Equal(Enumerable.Repeat<int[]>([1, 2, 3], 400).SelectMany(ids => ids).TakeLast(1000), encoded.Ids);
    }

    [Fact]
    public void Encode_AllocatesOnlyTheResultArray()
    {
        var encoder = Encoder(maxLength: 200);
        string text = string.Concat(Enumerable.Repeat("B, c! É e ZEBRA don't ", 40)); // 240 words, 880 chars
        encoder.Encode(text); // warm up lazy statics

        long before = GC.GetAllocatedBytesForCurrentThread();
        var encoded = encoder.Encode(text);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(120, encoded.Ids.Length);
        Assert.True(allocated <= 24 + 4 * encoded.Ids.Length, $"allocated {allocated} bytes");
    }
}
