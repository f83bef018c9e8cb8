using System.Text;
using Sentiment.Core;

namespace Sentiment.Core.Tests;

// Expected values come from keras_preprocessing.text.Tokenizer on the same texts.
public class VocabularyTests
{
    private static readonly string[] Texts = ["b a c", "c b d", "e e"];

    [Fact]
    public void Fit_RanksByCount_TiesByFirstOccurrence()
    {
        var vocabulary = Vocabulary.Fit(Texts, new TokenizerSettings(NumWords: 100));

        Assert.Equal(["b", "c", "e", "a", "d"], vocabulary.Words);
        Assert.Equal(6, vocabulary.EmbeddingRows);
    }

    [Fact]
    public void Fit_KeepsOnlyIdsBelowNumWords()
    {
        var vocabulary = Vocabulary.Fit(Texts, new TokenizerSettings(NumWords: 4));

        Assert.Equal(["b", "c", "e"], vocabulary.Words);
        Assert.True(vocabulary.TryGetId("e", out int id));
        Assert.Equal(3, id);
        Assert.False(vocabulary.TryGetId("a", out _));
    }

    [Fact]
    public void Fit_WithOovToken_PutsItAtIdOne()
    {
        var vocabulary = Vocabulary.Fit(Texts, new TokenizerSettings(NumWords: 4, OovToken: "<oov>"));

        Assert.Equal(["<oov>", "b", "c"], vocabulary.Words);
        Assert.Equal(1, vocabulary.OovId);
    }

    [Fact]
    public void Fit_CountsAcrossTextsCaseInsensitively()
    {
        var vocabulary = Vocabulary.Fit(["Good movie", "GOOD, good!", "movie bad bad bad bad"], new TokenizerSettings());

        Assert.Equal(["bad", "good", "movie"], vocabulary.Words);
    }

    [Fact]
    public void SaveThenLoad_KeepsWordsAndIds()
    {
        var settings = new TokenizerSettings(NumWords: 10);
        var vocabulary = Vocabulary.Fit(["école ÉCOLE \"x\" 😀 don't"], settings);
        using var stream = new MemoryStream();
        vocabulary.Save(stream);
        stream.Position = 0;

        var loaded = Vocabulary.Load(stream, settings);

        Assert.Equal(vocabulary.Words, loaded.Words);
        Assert.Contains("\"école\"", Encoding.UTF8.GetString(stream.ToArray())); // readable, not \u00e9
    }

    [Theory]
    [InlineData("[\"a\", \"a\"]")]
    [InlineData("[\"a\", \"\"]")]
    [InlineData("{\"a\": 1}")]
    [InlineData("[\"a\", \"b\", \"c\", \"d\"]")] // more than numWords - 1
    public void Load_RejectsBadFiles(string json)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));

        Assert.Throws<InvalidDataException>(() => Vocabulary.Load(stream, new TokenizerSettings(NumWords: 4)));
    }

    [Fact]
    public void Load_WithOovToken_RequiresItFirst()
    {
        using var stream = new MemoryStream("[\"a\", \"<oov>\"]"u8.ToArray());

        Assert.Throws<InvalidDataException>(() => Vocabulary.Load(stream, new TokenizerSettings(OovToken: "<oov>")));
    }
}
