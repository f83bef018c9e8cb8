using System.Text.Json;
using Sentiment.Core;

namespace Sentiment.Core.Tests;

// Expected values are what keras_preprocessing's Tokenizer(char_level=True) yields (Python 3.11);
// KerasOracleTests checks the same against the real library on many texts.
public class CharLevelTokenizerTests
{
    private static readonly Tokenizer Chars = new(new TokenizerSettings(CharLevel: true));
    private static readonly Tokenizer Bigrams = new(new TokenizerSettings(CharLevel: true, CharBigrams: true));

    [Fact]
    public void Tokenize_EveryCharacterIsATokenLowerCasedWithSpacesAndPunctuation() =>
        Assert.Equal(["a", "b", " ", "好", "!", "\t"], Chars.Tokenize("Ab 好!\t"));

    [Fact]
    public void Tokenize_CharacterOutsideTheBmpIsOneToken() =>
        Assert.Equal(["𠮷", "野", "😀"], Chars.Tokenize("𠮷野😀"));

    [Fact]
    public void Tokenize_LowerCasingThatAddsACharacterAddsAToken() =>
        Assert.Equal(["i", "\u0307", "x"], Chars.Tokenize("İx"));

    [Fact]
    public void Tokenize_LoneSurrogateIsOneToken() =>
        Assert.Equal(["a", "\ud800", "b"], Chars.Tokenize("a\ud800b"));

    [Fact]
    public void Tokenize_WithBigrams_PutsEachPairBetweenItsCharacters() =>
        Assert.Equal(["太", "太无", "无", "无聊", "聊"], Bigrams.Tokenize("太无聊"));

    [Fact]
    public void Tokenize_WithBigrams_PairsOfCharactersOutsideTheBmpStayWhole() =>
        Assert.Equal(["😀", "😀a", "a", "a😀", "😀"], Bigrams.Tokenize("😀A😀"));

    [Fact]
    public void Tokenize_WithBigrams_OneCharacterHasNoPair() => Assert.Equal(["好"], Bigrams.Tokenize("好"));

    [Fact]
    public void New_BigramsWithoutCharLevel_Throws() =>
        Assert.Throws<ArgumentException>(() => new Tokenizer(new TokenizerSettings(CharBigrams: true)));

    [Fact]
    public void Encode_WithBigramsAndNormalization_DoesNotUndoubleAPairIntoACharacter()
    {
        var settings = new TokenizerSettings(NumWords: 10, CharLevel: true, CharBigrams: true, Normalization: TextNormalizer.UserTextV1);
        var encoder = new TextEncoder(Vocabulary.Fit(["o"], settings), settings);

        Assert.Equal([1, 1], encoder.Encode("oo").Ids); // "o", "oo" unknown and dropped, "o"
    }

    [Fact]
    public void Encoder_SettingsOfAnotherLevel_Throws()
    {
        var settings = new TokenizerSettings(NumWords: 10, CharLevel: true);
        var vocabulary = Vocabulary.Fit(["ab"], settings);

        Assert.Throws<ArgumentException>(() => new TextEncoder(vocabulary, settings with { CharLevel = false }));
    }

    [Fact]
    public void Json_WordLevelSettings_WriteNoCharFields()
    {
        string json = JsonSerializer.Serialize(new TokenizerSettings(), CoreJson.Options);

        Assert.DoesNotContain("char", json, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Json_CharSettings_RoundTrip()
    {
        var settings = new TokenizerSettings(CharLevel: true, CharBigrams: true);

        string json = JsonSerializer.Serialize(settings, CoreJson.Options);

        Assert.Contains("\"charBigrams\": true", json);
        Assert.Equal(settings, JsonSerializer.Deserialize<TokenizerSettings>(json, CoreJson.Options));
    }
}
