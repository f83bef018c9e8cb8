using Sentiment.Core;
using Xunit;

namespace Sentiment.Core.Tests;

public class TextNormalizerTests
{
    private static readonly TokenizerSettings UserText = new(NumWords: 100, Normalization: TextNormalizer.UserTextV1);

    private static List<string> Words(string text) => new Tokenizer(UserText).Tokenize(text);

    [Theory]
    [InlineData("I don't like it", "i do n't like it")]
    [InlineData("I don’t like it", "i do n't like it")]
    [InlineData("I do n't like it", "i do n't like it")]
    [InlineData("I dont like it", "i do n't like it")]
    [InlineData("It isn't bad, it's great.", "it is n't bad it 's great")]
    [InlineData("I can't and won't", "i ca n't and wo n't")]
    [InlineData("We're here, you've seen, I'll go, I'd say, I'm in", "we 're here you 've seen i 'll go i 'd say i 'm in")]
    [InlineData("It cannot work", "it can not work")]
    [InlineData("the dogs' bowl", "the dogs bowl")]
    [InlineData("`` A fine film '' , he said 'quietly'", "a fine film he said quietly")]
    [InlineData("it 's a mess", "it 's a mess")]
    public void Contractions_TakeOneSpelling(string text, string expected) =>
        Assert.Equal(expected.Split(' '), Words(text));

    [Theory]
    [InlineData("Great service :)", "great service \U0001F642")]
    [InlineData("great:-)", "great \U0001F642")]
    [InlineData("Terrible :( never again", "terrible \U0001F641 never again")]
    [InlineData("I <3 it", "i \u2764 it")]
    [InlineData("lol :D", "lol \U0001F600")]
    [InlineData("so sad :'(", "so sad \U0001F622")]
    [InlineData("Loved it😀😀", "loved it \U0001F600 \U0001F600")]
    [InlineData("thumbs 👍🏽 up", "thumbs \U0001F44D up")]
    [InlineData("love ❤️ it", "love \u2764 it")]
    public void EmoticonsAndEmoji_BecomeWords(string text, string expected) =>
        Assert.Equal(expected.Split(' '), Words(text));

    private static readonly TokenizerSettings UserTextV2 = UserText with { Normalization = TextNormalizer.UserTextV2 };

    [Theory]
    [InlineData("Checked in 😞", "checked in \U0001F61E disappointed face")]
    [InlineData("ok :)", "ok \U0001F642 slightly smiling face")]
    [InlineData("👍🏽 thanks", "\U0001F44D thumbs up sign thanks")]
    [InlineData("I <3 it", "i \u2764 heavy black heart it")]
    [InlineData("great 😍😍", "great \U0001F60D smiling face with heart shaped eyes \U0001F60D smiling face with heart shaped eyes")]
    [InlineData("going home 🇺🇸", "going home \U0001F1FA \U0001F1F8")]
    [InlineData("I don't :(", "i do n't \U0001F641 slightly frowning face")]
    public void UserTextV2_AddsEachEmojisUnicodeName(string text, string expected) =>
        Assert.Equal(expected.Split(' '), new Tokenizer(UserTextV2).Tokenize(text));

    [Fact]
    public void UserTextV2_IsV1WhereThereIsNoEmoji()
    {
        const string text = "It isn't bad <br /> at all, sooo good! See www.example.com @someone";
        Assert.Equal(TextNormalizer.Normalize(text), TextNormalizer.Normalize(text, TextNormalizer.UserTextV2));
    }

    [Theory]
    [InlineData("Note:Done", "note done")]
    [InlineData("1<3 is true", "1 3 is true")]
    public void TextThatOnlyLooksLikeAFace_IsLeftAlone(string text, string expected) =>
        Assert.Equal(expected.Split(' '), Words(text));

    [Theory]
    [InlineData("sooooo goooood", "soo good")]
    [InlineData("Good film.<br /><br />Bad ending<BR>end", "good film bad ending end")]
    [InlineData("@united lost my bag http://t.co/x1 again", "lost my bag again")]
    [InlineData("see www.example.com now", "see now")]
    [InlineData("mail me at bob@example.com", "mail me at bob example com")]
    [InlineData("a 10 year old's dream", "a 10 year old 's dream")]
    public void StretchesBreaksAndAddresses(string text, string expected) =>
        Assert.Equal(expected.Split(' '), Words(text));

    [Fact]
    public void WithoutNormalization_TheKerasSpellingStays() =>
        Assert.Equal(["i", "don't", "like", "it"], new Tokenizer(new TokenizerSettings()).Tokenize("I don't like it :)"));

    [Fact]
    public void Encoder_FindsAStretchedWordWithItsDoubleLettersSingle()
    {
        var vocabulary = Vocabulary.Fit(["bad so good good"], UserText);
        var encoder = new TextEncoder(vocabulary, UserText);
        var encoded = encoder.Encode("baaaad sooo goooood");
        Assert.Equal(3, encoded.KnownTokens);
        Assert.Equal([vocabulary.Words.ToList().IndexOf("bad") + 1, vocabulary.Words.ToList().IndexOf("so") + 1,
            vocabulary.Words.ToList().IndexOf("good") + 1], encoded.Ids);
    }

    [Fact]
    public void Encoder_WithoutNormalization_DoesNotGuess()
    {
        var settings = new TokenizerSettings(NumWords: 100);
        var encoder = new TextEncoder(Vocabulary.Fit(["bad"], settings), settings);
        Assert.Equal(0, encoder.Encode("baad").KnownTokens);
    }

    [Fact]
    public void UnknownRuleName_IsRefused() =>
        Assert.Throws<ArgumentException>(() => new TokenizerSettings(Normalization: "v0").Validate());

    [Fact]
    public void ManifestWithoutNormalization_DoesNotWriteTheField()
    {
        var manifestJson = System.Text.Json.JsonSerializer.Serialize(new TokenizerSettings(), CoreJson.Options);
        Assert.DoesNotContain("normalization", manifestJson);
        Assert.Contains("\"normalization\": \"user-text-v1\"", System.Text.Json.JsonSerializer.Serialize(UserText, CoreJson.Options));
    }
}
