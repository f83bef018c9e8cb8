using System.Text.Json;
using Sentiment.Api.Tests.Infrastructure;

namespace Sentiment.Api.Tests.Unit;

/// <summary>The OpenAPI document describes the new request and answer fields.</summary>
public sealed class ExplainDocumentTests(FakeModelFactory factory) : IClassFixture<FakeModelFactory>
{
    private async Task<JsonElement> SchemasAsync()
    {
        using var document = JsonDocument.Parse(await factory.CreateClient().GetStringAsync("/swagger/v1/swagger.json"));
        return document.RootElement.GetProperty("components").GetProperty("schemas").Clone();
    }

    [Theory]
    [InlineData("SentimentRequest")]
    [InlineData("BatchSentimentRequest")]
    public async Task Requests_DescribeExplainSentencesAndOffsetUnit(string request)
    {
        var schemas = await SchemasAsync();
        var properties = schemas.GetProperty(request).GetProperty("properties");

        foreach (string field in new[] { "explain", "sentences" })
        {
            Assert.Equal("boolean", properties.GetProperty(field).GetProperty("type").GetString());
            Assert.False(string.IsNullOrEmpty(properties.GetProperty(field).GetProperty("description").GetString()));
        }
        var unit = properties.GetProperty("offsetUnit");
        var reference = unit.TryGetProperty("$ref", out var r) ? r : unit.GetProperty("allOf")[0].GetProperty("$ref");
        var values = schemas.GetProperty(reference.GetString()!.Split('/')[^1]).GetProperty("enum");
        Assert.Equal(["utf16", "codePoint"], values.EnumerateArray().Select(v => v.GetString()));
    }

    [Fact]
    public async Task Answers_DescribeWordsAndSentences()
    {
        var schemas = await SchemasAsync();

        var result = schemas.GetProperty("SentimentResponse").GetProperty("properties");
        Assert.True(result.TryGetProperty("words", out _));
        Assert.True(result.TryGetProperty("sentences", out _));
        var word = schemas.GetProperty("WordContribution").GetProperty("properties");
        foreach (string field in new[] { "text", "offset", "length", "known", "contribution", "scoreContribution", "truncated" })
            Assert.False(string.IsNullOrEmpty(word.GetProperty(field).GetProperty("description").GetString()), field);
        var sentence = schemas.GetProperty("SentenceResult").GetProperty("properties");
        foreach (string field in new[] { "text", "offset", "length", "label", "confidence", "probabilities" })
            Assert.True(sentence.TryGetProperty(field, out _), field);
    }
}
