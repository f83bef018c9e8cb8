using System.Net;
using System.Text.Json;
using Sentiment.Api.Tests.Infrastructure;
using static Sentiment.Api.Tests.Infrastructure.HttpAssertions;

namespace Sentiment.Api.Tests.Integration;

/// <summary>Offsets through the shipped model's normalisation (contractions, emoticons, stretches, addresses), and the mixed rule.</summary>
public sealed class ShippedModelExplainTests(ShippedModelFactory factory) : IClassFixture<ShippedModelFactory>
{
    private async Task<JsonElement> PostAsync(object body)
    {
        var client = await factory.CreateReadyClientAsync();
        var response = await client.PostAsync("/sentiment", Json(JsonSerializer.Serialize(body)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadJsonAsync();
    }

    [ShippedModelTheory]
    [InlineData("utf16")]
    [InlineData("codePoint")]
    public async Task Explain_NormalisedText_OffsetsSliceBackToWhatTheUserWrote(string unit)
    {
        const string text = "Café 😍 was sooo GOOD :) but I DON'T like https://x.io/a.b and it’s pricey, pricey!";
        var body = await PostAsync(new { text, explain = true, offsetUnit = unit });

        string[] units = unit == "utf16" ? [.. text.Select(c => c.ToString())] : [.. text.EnumerateRunes().Select(r => r.ToString())];
        var words = body.GetProperty("words").EnumerateArray()
            .Select(w => (Text: w.GetProperty("text").GetString(),
                Written: string.Concat(units.Skip(w.GetProperty("offset").GetInt32()).Take(w.GetProperty("length").GetInt32()))))
            .ToArray();
        Assert.Equal(
            [("café", "Café"), ("😍", "😍"), ("was", "was"), ("soo", "sooo"), ("good", "GOOD"), ("🙂", ":)"), ("but", "but"),
             ("i", "I"), ("do", "DO"), ("n't", "N'T"), ("like", "like"), ("and", "and"), ("it", "it"), ("'s", "’s"),
             ("pricey", "pricey"), ("pricey", "pricey")],
            words);
    }

    [ShippedModelFact]
    public async Task Explain_TextLongerThanTheMaximumLength_ListsTheCutOffWordsFirst()
    {
        string text = "awful " + string.Join(' ', Enumerable.Repeat("great", 400));
        var body = await PostAsync(new { text, explain = true });

        var words = body.GetProperty("words").EnumerateArray().ToArray();
        Assert.Equal(401, words.Length);
        Assert.True(words[0].GetProperty("truncated").GetBoolean());
        Assert.Equal(0f, words[0].GetProperty("contribution").GetSingle());
        Assert.All(words[1..], w => Assert.False(w.GetProperty("truncated").GetBoolean()));
    }

    [ShippedModelFact]
    public async Task Sentences_AMixedReview_IsMixed_AndAnAgreeingOneIsNot()
    {
        var mixed = await PostAsync(new
        {
            text = "The acting was wonderful and the music was beautiful. But the plot was terrible and the ending was boring.",
            sentences = true,
        });
        var agreeing = await PostAsync(new { text = "Dr. Smith was wonderful. The nurses were kind, e.g. at night.", sentences = true });

        Assert.Equal("mixed", mixed.GetProperty("label").GetString());
        Assert.Equal("positive", agreeing.GetProperty("label").GetString());
        Assert.Equal(2, agreeing.GetProperty("sentences").GetArrayLength());
    }
}
