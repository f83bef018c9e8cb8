using System.Text.Json;
using Sentiment.Core;

namespace Sentiment.Core.Tests;

/// <summary>Words with their spans in the original text, and the model input with one word left out.</summary>
public class EncodedWordsTests
{
    private static TextEncoder Encoder(string? normalization = TextNormalizer.UserTextV2, int maxLength = 200, string? oov = null,
        string truncating = "pre")
    {
        var settings = new TokenizerSettings(NumWords: 200, MaxLength: maxLength, OovToken: oov, Truncating: truncating,
            Normalization: normalization);
        string[] corpus = ["good good bad film do n't love it 's soo great café naïve grinning face smiling", "the plot was bad"];
        return new TextEncoder(Vocabulary.Fit(corpus, settings), settings);
    }

    private static string[] Slices(string text, EncodedWords encoded) =>
        [.. encoded.Words.Select(w => text.Substring(w.Word.Offset, w.Word.Length))];

    [Fact]
    public void EncodeWords_ContractionsAndStretches_SliceBackToWhatWasTyped()
    {
        const string text = "I DON'T love it, it’s sooooo GOOD!";
        var encoded = Encoder().EncodeWords(text);

        Assert.Equal(["i", "do", "n't", "love", "it", "it", "'s", "soo", "good"], encoded.Words.Select(w => w.Word.Text));
        Assert.Equal(["I", "DO", "N'T", "love", "it", "it", "’s", "sooooo", "GOOD"], Slices(text, encoded));
    }

    [Fact]
    public void EncodeWords_AccentsAndRepeatedWords_GetTheirOwnSpans()
    {
        const string text = "Café naïve: good, GOOD, good.";
        var encoded = Encoder().EncodeWords(text);

        Assert.Equal(["Café", "naïve", "good", "GOOD", "good"], Slices(text, encoded));
        Assert.Equal([0, 5, 12, 18, 24], encoded.Words.Select(w => w.Word.Offset));
    }

    [Fact]
    public void EncodeWords_EmojiAndItsNameWords_ShareTheEmojisSpan()
    {
        const string text = "Great 😀 film :)";
        var encoded = Encoder().EncodeWords(text);

        Assert.Equal(["great", "😀", "grinning", "face", "film", "🙂", "slightly", "smiling", "face"], encoded.Words.Select(w => w.Word.Text));
        Assert.Equal(["Great", "😀", "😀", "😀", "film", ":)", ":)", ":)", ":)"], Slices(text, encoded));
    }

    [Fact]
    public void EncodeWords_QuotesAndAddresses_AreLeftOutOfSpans()
    {
        const string text = "'good' see https://x.y/z <br /> 'bad'";
        var encoded = Encoder().EncodeWords(text);

        Assert.Equal(["good", "see", "bad"], Slices(text, encoded));
    }

    [Fact]
    public void EncodeWords_DottedCapitalI_LowerCasesToTwoCharsButSlicesToOne()
    {
        const string text = "İ good";
        var encoded = Encoder(normalization: null).EncodeWords(text);

        Assert.Equal(["İ", "good"], Slices(text, encoded));
    }

    [Fact]
    public void EncodeWords_UnknownWords_AreListedWithoutAnId()
    {
        var encoded = Encoder().EncodeWords("good zebra film");

        Assert.Equal([true, false, true], encoded.Words.Select(w => w.Known));
        Assert.Equal([0, -1, 1], encoded.Words.Select(w => w.Index));
    }

    [Theory]
    [InlineData("pre", new[] { true, true, false, false, false })]
    [InlineData("post", new[] { false, false, false, true, true })]
    public void EncodeWords_LongText_MarksTheWordsTheMaximumLengthCutsOff(string truncating, bool[] cutOff)
    {
        var encoded = Encoder(maxLength: 3, truncating: truncating).EncodeWords("good bad film love great");

        Assert.Equal(cutOff, encoded.Words.Select(encoded.IsCutOff));
        Assert.True(encoded.Text.Truncated);
    }

    [Fact]
    public void Without_AKeptWordOfALongText_LetsTheNextCutOffWordIn()
    {
        var encoder = Encoder(maxLength: 3);
        var encoded = encoder.EncodeWords("good bad film love great");

        var without = encoded.Without(encoded.Words[3]); // "love"

        Assert.Equal(encoder.Encode("good bad film great").Ids, without.Ids);
    }

    [Fact]
    public void EncodeWords_EveryKerasOracleText_GivesEncodesIdsAndTokenizesWords()
    {
        var texts = JsonSerializer.Deserialize<string[]>(File.ReadAllText(Path.Combine("TestData", "keras-texts.json")))!;
        foreach (string? normalization in new[] { null, TextNormalizer.UserTextV1, TextNormalizer.UserTextV2 })
        {
            foreach (string? oov in new[] { null, "<oov>" })
            {
                var encoder = Encoder(normalization, maxLength: 5, oov: oov);
                var tokenizer = new Tokenizer(encoder.Settings);
                foreach (string text in texts)
                {
                    var encoded = encoder.EncodeWords(text);
                    var expected = encoder.Encode(text);
                    Assert.Equal(expected.Ids, encoded.Text.Ids);
                    Assert.Equal((expected.TotalTokens, expected.KnownTokens, expected.Truncated),
                        (encoded.Text.TotalTokens, encoded.Text.KnownTokens, encoded.Text.Truncated));
                    Assert.Equal(tokenizer.Tokenize(text), encoded.Words.Select(w => w.Word.Text));
                    int previous = 0;
                    foreach (var word in encoded.Words)
                    {
                        Assert.InRange(word.Word.Length, 1, text.Length);
                        Assert.InRange(word.Word.Offset, previous, text.Length - word.Word.Length);
                        previous = word.Word.Offset;
                    }
                }
            }
        }
    }
}
