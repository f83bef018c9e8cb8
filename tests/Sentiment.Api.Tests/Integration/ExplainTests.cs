using System.Net;
using System.Text;
using System.Text.Json;
using Sentiment.Api.Tests.Infrastructure;
using Sentiment.Inference;
using static Sentiment.Api.Tests.Infrastructure.HttpAssertions;

namespace Sentiment.Api.Tests.Integration;

/// <summary><c>explain</c>, <c>sentences</c> and <c>offsetUnit</c> on the tiny bundle, checked against its scorer.</summary>
public sealed class ExplainTests(ExplainTests.Factory factory) : IClassFixture<ExplainTests.Factory>, IDisposable
{
    /// <summary>The tiny model is sure of few sentences, so the mixed rule is tested at a lower bar.</summary>
    public sealed class Factory() : BundleApiFactory(TestPaths.TinyBundle, ("Sentences:MixedConfidence", "0.55"));

    private readonly SentimentScorer _scorer = new(ModelBundle.Load(TestPaths.TinyBundle));

    public void Dispose() => _scorer.Dispose();

    private async Task<JsonElement> PostAsync(object body, string path = "/sentiment")
    {
        var client = await factory.CreateReadyClientAsync();
        var response = await client.PostAsync(path, Json(JsonSerializer.Serialize(body)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadJsonAsync();
    }

    private static JsonElement[] Words(JsonElement result) => [.. result.GetProperty("words").EnumerateArray()];

    [Fact]
    public async Task Explain_EachWord_SlicesBackAndContributesAsTheScorerSaysWithoutIt()
    {
        const string text = "The ACTING was wonderful, the plot was boring and the cinema zyzzyva was great";
        var body = await PostAsync(new { text, explain = true });

        var full = _scorer.Predict(text);
        Assert.Equal(full.Label, body.GetProperty("label").GetString());
        foreach (var word in Words(body))
        {
            int offset = word.GetProperty("offset").GetInt32(), length = word.GetProperty("length").GetInt32();
            string written = text.Substring(offset, length);
            Assert.Equal(written.ToLowerInvariant(), word.GetProperty("text").GetString());
            float expected = word.GetProperty("known").GetBoolean()
                ? full.Probabilities[full.LabelIndex] - _scorer.Predict(text.Remove(offset, length)).Probabilities[full.LabelIndex]
                : 0f;
            Assert.Equal(expected, word.GetProperty("contribution").GetSingle(), 1e-5f);
            Assert.False(word.GetProperty("truncated").GetBoolean());
        }
        var zyzzyva = Assert.Single(Words(body), w => w.GetProperty("text").GetString() == "zyzzyva");
        Assert.False(zyzzyva.GetProperty("known").GetBoolean());
    }

    [Fact]
    public async Task Explain_RepeatedWords_EachGetTheirOwnOffset()
    {
        const string text = "good good GOOD film";
        var words = Words(await PostAsync(new { text, explain = true }));

        Assert.Equal([0, 5, 10, 15], words.Select(w => w.GetProperty("offset").GetInt32()));
        Assert.Equal("GOOD", text.Substring(words[2].GetProperty("offset").GetInt32(), 4));
    }

    [Theory]
    [InlineData("utf16")]
    [InlineData("codePoint")]
    public async Task Explain_EmojiAndAccents_OffsetsCountInTheRequestedUnit(string unit)
    {
        const string text = "😀😀 Très good 👍 film, the ending was awful";
        var words = Words(await PostAsync(new { text, explain = true, offsetUnit = unit }));

        // codePoint offsets index the text as Python does: a list of code points.
        string[] units = unit == "utf16"
            ? [.. text.Select(c => c.ToString())]
            : [.. text.EnumerateRunes().Select(r => r.ToString())];
        string[] slices = [.. words.Select(w => string.Concat(units.Skip(w.GetProperty("offset").GetInt32()).Take(w.GetProperty("length").GetInt32())))];
        // The tiny bundle has no normalisation, so Keras keeps the two emoji as one word.
        Assert.Equal(["😀😀", "Très", "good", "👍", "film", "the", "ending", "was", "awful"], slices);
        Assert.Equal(unit == "utf16" ? 10 : 8, words[2].GetProperty("offset").GetInt32());
    }

    [Fact]
    public async Task Explain_LongText_ListsCutOffWordsWithZeroContribution()
    {
        // The tiny bundle keeps the last 20 known words.
        string text = "awful awful awful " + string.Join(' ', Enumerable.Repeat("good film", 10));
        var body = await PostAsync(new { text, explain = true });

        Assert.True(body.GetProperty("tokens").GetProperty("truncated").GetBoolean());
        var words = Words(body);
        Assert.Equal(23, words.Length);
        Assert.All(words.Take(3), w =>
        {
            Assert.True(w.GetProperty("truncated").GetBoolean());
            Assert.Equal(0f, w.GetProperty("contribution").GetSingle());
        });
        Assert.All(words.Skip(3), w => Assert.False(w.GetProperty("truncated").GetBoolean()));
    }

    [Fact]
    public async Task Explain_TextWithNoKnownWord_ListsItsWordsWithoutContributions()
    {
        var body = await PostAsync(new { text = "zyzzyva quokka", explain = true });

        Assert.Equal("unknown", body.GetProperty("label").GetString());
        Assert.All(Words(body), w =>
        {
            Assert.False(w.GetProperty("known").GetBoolean());
            Assert.Equal(0f, w.GetProperty("contribution").GetSingle());
        });
    }

    [Fact]
    public async Task Sentences_DisagreeingConfidently_MakeTheTextMixed()
    {
        const string text = "I loved it, wonderful and great! The plot was terrible, awful and boring.";
        var body = await PostAsync(new { text, sentences = true });

        Assert.Equal("mixed", body.GetProperty("label").GetString());
        var sentences = body.GetProperty("sentences").EnumerateArray().ToArray();
        Assert.Equal(["I loved it, wonderful and great!", "The plot was terrible, awful and boring."],
            sentences.Select(s => text.Substring(s.GetProperty("offset").GetInt32(), s.GetProperty("length").GetInt32())));
        for (int s = 0; s < sentences.Length; s++)
        {
            var alone = _scorer.Predict(sentences[s].GetProperty("text").GetString()!);
            Assert.Equal(alone.Label, sentences[s].GetProperty("label").GetString());
            Assert.Equal(alone.Confidence, sentences[s].GetProperty("confidence").GetSingle(), 1e-5f);
        }
        Assert.Equal(_scorer.Predict(text).Confidence, body.GetProperty("confidence").GetSingle(), 1e-5f);
    }

    [Fact]
    public async Task Sentences_Agreeing_KeepTheModelsLabel()
    {
        const string text = "Wonderful film. I loved the acting.";
        var body = await PostAsync(new { text, sentences = true });

        Assert.Equal(_scorer.Predict(text).Label, body.GetProperty("label").GetString());
        Assert.Equal(2, body.GetProperty("sentences").GetArrayLength());
    }

    [Fact]
    public async Task Batch_ExplainAndSentences_AnswerEachTextAsAlone()
    {
        string[] texts = ["Great film. Awful 😀 ending.", "the plot was boring", "zyzzyva"];
        var batch = (await PostAsync(new { texts, explain = true, sentences = true, offsetUnit = "codePoint" }, "/sentiment/batch"))
            .GetProperty("results").EnumerateArray().ToArray();

        for (int i = 0; i < texts.Length; i++)
        {
            var alone = await PostAsync(new { text = texts[i], explain = true, sentences = true, offsetUnit = "codePoint" });
            Assert.Equal(Without(alone, "modelVersion"), Without(batch[i], "modelVersion", "model"));
            Assert.Equal(TestPaths.TinyManifest.Name, batch[i].GetProperty("model").GetString());
        }
    }

    [Fact]
    public async Task NoFlags_AnswerHasNeitherWordsNorSentences()
    {
        var body = await PostAsync(new { text = "good film", explain = false, sentences = false });

        Assert.False(body.TryGetProperty("words", out _));
        Assert.False(body.TryGetProperty("sentences", out _));
    }

    [Theory]
    [InlineData("""{"text": "good", "explain": "yes"}""", "explain")]
    [InlineData("""{"text": "good", "sentences": 1}""", "sentences")]
    [InlineData("""{"text": "good", "offsetUnit": "bytes"}""", "offsetUnit")]
    [InlineData("""{"texts": ["good"], "offsetUnit": null}""", "offsetUnit")]
    public async Task BadOptionValue_IsAValidationProblemNamingTheField(string json, string field)
    {
        var client = await factory.CreateReadyClientAsync();
        string path = json.Contains("\"texts\"") ? "/sentiment/batch" : "/sentiment";

        await (await client.PostAsync(path, Json(json))).AssertInvalidAsync(field, field);
    }

    private static string Without(JsonElement element, params string[] properties)
    {
        var builder = new StringBuilder();
        foreach (var field in element.EnumerateObject().Where(p => !properties.Contains(p.Name)))
            builder.Append(field.Name).Append('=').Append(field.Value.GetRawText()).Append(';');
        return builder.ToString();
    }
}
