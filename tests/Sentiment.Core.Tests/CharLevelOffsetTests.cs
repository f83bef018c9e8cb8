using Sentiment.Core;

namespace Sentiment.Core.Tests;

/// <summary>For a character-level model, explanation "words" are its tokens: characters and bigrams, each with its span.</summary>
public class CharLevelOffsetTests
{
    private static readonly Tokenizer Chars = new(new TokenizerSettings(CharLevel: true));
    private static readonly Tokenizer Bigrams = new(new TokenizerSettings(CharLevel: true, CharBigrams: true));

    private static string[] Slices(string text, IEnumerable<TextWord> words) =>
        [.. words.Select(w => text.Substring(w.Offset, w.Length))];

    [Theory]
    [InlineData("Ab 好!\t")]
    [InlineData("𠮷野😀")]
    [InlineData("İx")]
    [InlineData("太无聊了")]
    public void TokenizeWithOffsets_GivesTheTokensOfTokenize(string text)
    {
        Assert.Equal(Chars.Tokenize(text), Chars.TokenizeWithOffsets(text).Select(w => w.Text));
        Assert.Equal(Bigrams.Tokenize(text), Bigrams.TokenizeWithOffsets(text).Select(w => w.Text));
    }

    [Fact]
    public void TokenizeWithOffsets_EachCharacterSlicesBackAsTyped_AnOutsideTheBmpOneInTwoUnits()
    {
        const string text = "Ab😀好";
        var words = Chars.TokenizeWithOffsets(text);

        Assert.Equal(["A", "b", "😀", "好"], Slices(text, words));
        Assert.Equal([0, 1, 2, 4], words.Select(w => w.Offset));
    }

    [Fact]
    public void TokenizeWithOffsets_ABigramSpansBothItsCharacters()
    {
        const string text = "太😀A";
        var words = Bigrams.TokenizeWithOffsets(text);

        Assert.Equal(["太", "太😀", "😀", "😀A", "A"], Slices(text, words));
        Assert.Equal(["太", "太😀", "😀", "😀a", "a"], words.Select(w => w.Text));
    }

    [Fact]
    public void TokenizeWithOffsets_ALetterThatLowerCasesToTwo_GivesBothTokensItsSpan()
    {
        var words = Chars.TokenizeWithOffsets("İx");

        Assert.Equal([(0, 1), (0, 1), (1, 1)], words.Select(w => (w.Offset, w.Length)));
    }

    [Fact]
    public void EncodeWords_CharLevel_ReadsWhatEncodeReads_AndLeavesOneCharacterOut()
    {
        var settings = new TokenizerSettings(NumWords: 20, CharLevel: true, CharBigrams: true, Normalization: TextNormalizer.UserTextV1);
        var encoder = new TextEncoder(Vocabulary.Fit(["太无聊", "oo"], settings), settings);
        const string text = "太无聊 oo";

        var encoded = encoder.EncodeWords(text);

        Assert.Equal(encoder.Encode(text).Ids, encoded.Text.Ids);
        var without = encoded.Without(encoded.Words.Single(w => w.Word.Text == "无"));
        Assert.Equal(encoded.Text.Ids.Length - 1, without.Ids.Length);
        Assert.Equal(["太", "太无", "无", "无聊", "聊", "聊 ", " ", " o", "o", "oo", "o"], encoded.Words.Select(w => w.Word.Text));
    }
}
