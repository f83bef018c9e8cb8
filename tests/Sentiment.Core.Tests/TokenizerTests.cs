using Sentiment.Core;

namespace Sentiment.Core.Tests;

// Expected values are what keras_preprocessing.text.text_to_word_sequence returns (Python 3.11).
public class TokenizerTests
{
    private static readonly Tokenizer Keras = new(new TokenizerSettings());

    [Theory]
    [InlineData("Hello, World!", new[] { "hello", "world" })]
    [InlineData("don't stop", new[] { "don't", "stop" })]
    [InlineData("it's \"quoted\" 'single'", new[] { "it's", "quoted", "'single'" })]
    [InlineData("a-b_c.d/e", new[] { "a", "b", "c", "d", "e" })]
    [InlineData("x—y", new[] { "x—y" })]
    public void Tokenize_SplitsOnFiltersAndKeepsApostrophes(string text, string[] expected) =>
        Assert.Equal(expected, Keras.Tokenize(text));

    [Fact]
    public void Tokenize_TabAndNewlineSplit_CarriageReturnStaysInWord() =>
        Assert.Equal(["tab", "here", "new", "line\r", "end"], Keras.Tokenize("tab\there\nnew line\r\nend"));

    [Fact]
    public void Tokenize_NonBreakingSpaceDoesNotSplit() =>
        Assert.Equal(["a\u00a0b"], Keras.Tokenize("a\u00a0b"));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("!!! ... ,,,")]
    public void Tokenize_TextWithoutWords_ReturnsNothing(string text) => Assert.Empty(Keras.Tokenize(text));

    [Theory]
    [InlineData("ÉCOLE", "école")]
    [InlineData("STRASSE", "strasse")]
    [InlineData("Straße", "straße")]
    [InlineData("ẞ", "ß")]
    [InlineData("İstanbul", "i\u0307stanbul")] // Python's full mapping: i + combining dot above
    [InlineData("ISTANBUL", "istanbul")] // no Turkish rule: I becomes i, not ı
    [InlineData("ı", "ı")]
    [InlineData("ǅemal", "ǆemal")]
    [InlineData("ΑΣ\u0301Α", "ασ\u0301α")]
    [InlineData("ΌΣΟΣ'", "όσος'")] // final sigma looks past the apostrophe
    [InlineData("𐐀", "𐐨")] // Deseret, outside the BMP
    public void Tokenize_LowerCasesLikePython(string text, string expected) =>
        Assert.Equal([expected], Keras.Tokenize(text));

    [Fact]
    public void Tokenize_GreekFinalSigmaDependsOnWhatFollows() =>
        Assert.Equal(["οδος", "οδος", "σα", "σ"], Keras.Tokenize("ΟΔΟΣ ΟΔΟΣ. ΣΑ Σ"));

    [Fact]
    public void Tokenize_EmojiStayTogetherAsAWord() =>
        Assert.Equal(["i", "love", "it", "😀😀"], Keras.Tokenize("I love it 😀😀!"));

    [Fact]
    public void Tokenize_WithoutLowerCase_KeepsCase() =>
        Assert.Equal(["Good", "MOVIE"], new Tokenizer(new TokenizerSettings(LowerCase: false)).Tokenize("Good MOVIE"));

    [Fact]
    public void Tokenize_CustomFiltersAndSplit_FilterAppliesAfterLowerCasing() =>
        Assert.Equal(["x", "b"], new Tokenizer(new TokenizerSettings(Filters: "a", Split: "|")).Tokenize("xA|b"));

    [Theory]
    [InlineData(1, 200, " ")]
    [InlineData(2500, 0, " ")]
    [InlineData(2500, 200, "ab")]
    [InlineData(2500, 200, "")]
    public void New_WithUnusableSettings_Throws(int numWords, int maxLength, string split) =>
        Assert.Throws<ArgumentException>(() => new Tokenizer(new TokenizerSettings(numWords, maxLength, Split: split)));
}
