using System.Net;
using System.Text;
using Sentiment.Api.Tests.Infrastructure;
using static Sentiment.Api.Tests.Infrastructure.HttpAssertions;

namespace Sentiment.Api.Tests.Integration;

/// <summary>Whatever arrives, the answer is a prediction or a 400, never a 5xx.</summary>
public sealed class HostileInputTests(TinyBundleFactory factory) : IClassFixture<TinyBundleFactory>
{
    public static TheoryData<string> AcceptedTexts => new()
    {
        "great movie 😀😡🎬👍🏽 👨‍👩‍👧‍👦",
        "فيلم رائع جدا great",
        "סרט נהדר \u202Eevil\u202C good",
        "control \u0000 \u0001 \u0007 \u001B[31m red \u007F chars",
        "<script>alert('x')</script><b>good</b> &amp; &lt;bad&gt;",
        "'; DROP TABLE reviews; -- {{7*7}} ${jndi:ldap://x}",
        "\uFEFFzero\u200Bwidth\u200Djoiners\u2060",
        "e\u0301\u0301\u0301 zalgo t̸̢̛͎̹̫͕͖ȩ̷̛͙̬x̸̨t̷",
        "ΑΒΓ İstanbul ǅ ß ﬁ ŉ", // characters whose case mapping changes length
        "a\r\nb\tc\vd\fe",
    };

    [Theory]
    [MemberData(nameof(AcceptedTexts))]
    public async Task Post_WithHostileText_ReturnsAPrediction(string text)
    {
        var client = await factory.CreateReadyClientAsync();

        var response = await client.PostAsync("/sentiment", Json(Reviews.Body(text)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadJsonAsync();
        // Text the model cannot read is answered unknown, with the reason and no made-up numbers.
        if (body.GetProperty("tokens").GetProperty("known").GetInt32() == 0)
        {
            Assert.Equal("unknown", body.GetProperty("label").GetString());
            Assert.False(body.TryGetProperty("confidence", out _));
            Assert.Equal("no_known_words", body.GetProperty("warnings")[0].GetProperty("code").GetString());
        }
        else
            Assert.InRange(body.GetProperty("confidence").GetSingle(), 0.5f, 1f);
    }

    [Fact]
    public async Task Post_WithOneWordRepeatedUpToTheLimit_ReturnsATruncatedPrediction()
    {
        var client = await factory.CreateReadyClientAsync();
        string text = string.Join(' ', Enumerable.Repeat("good", 1024)).PadRight(5120, ' ');

        var response = await client.PostAsync("/sentiment", Json(Reviews.Body(text)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True((await response.ReadJsonAsync()).GetProperty("tokens").GetProperty("truncated").GetBoolean());
    }

    [Fact]
    public async Task Post_WithOneWordRepeated5000Times_IsRefusedNamingTheLimit()
    {
        var client = await factory.CreateReadyClientAsync();

        var response = await client.PostAsync("/sentiment",
            Json(Reviews.Body(string.Join(' ', Enumerable.Repeat("good", 5000)))));

        await response.AssertInvalidAsync("text", "MaxTextLength");
    }

    [Fact]
    public async Task PostBatch_WithAWordRepeated5000TimesAcrossTexts_ReturnsPredictions()
    {
        var client = await factory.CreateReadyClientAsync();
        var texts = Enumerable.Repeat(string.Join(' ', Enumerable.Repeat("terrible", 500)), 10);

        var response = await client.PostAsync("/sentiment/batch", Json(Reviews.BatchBody(texts)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("""{"text": "lone high \ud83d surrogate"}""")]
    [InlineData("""{"text": "lone low \udc00 surrogate"}""")]
    public async Task Post_WithLoneSurrogateEscape_ReturnsValidationProblem(string json)
    {
        var client = await factory.CreateReadyClientAsync();

        var response = await client.PostAsync("/sentiment", Json(json));

        await response.AssertInvalidAsync("text", "not valid Unicode");
    }

    [Theory]
    [InlineData("""{"\ud800": 1, "text": "good"}""")]
    [InlineData("""{"text": "good", "a\udc00b": "x"}""")]
    public async Task Post_WithLoneSurrogateInAPropertyName_ReturnsValidationProblem(string json)
    {
        var client = await factory.CreateReadyClientAsync();

        var response = await client.PostAsync("/sentiment", Json(json));

        await response.AssertInvalidAsync("body", "property name that is not valid Unicode");
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("br")]
    [InlineData("x-made-up")]
    public async Task Post_WithAContentEncoding_Returns415NamingIt(string coding)
    {
        var client = await factory.CreateReadyClientAsync();
        var content = Json(Reviews.Body("good"));
        content.Headers.ContentEncoding.Add(coding);
        content.Headers.ContentEncoding.Add("identity");

        var response = await client.PostAsync("/sentiment", content);

        var problem = await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
        Assert.Contains("Content-Encoding", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Post_WithIdentityContentEncoding_IsScored()
    {
        var client = await factory.CreateReadyClientAsync();
        var content = Json(Reviews.Body("good"));
        content.Headers.ContentEncoding.Add("identity");

        var response = await client.PostAsync("/sentiment", content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xFE })]
    [InlineData(new byte[] { 0xC3 })]
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })] // a UTF-8 encoded surrogate
    [InlineData(new byte[] { 0xF8, 0x88, 0x80, 0x80, 0x80 })]
    public async Task Post_WithInvalidUtf8_ReturnsValidationProblem(byte[] bad)
    {
        var client = await factory.CreateReadyClientAsync();
        byte[] body = [.. "{\"text\": \"good "u8, .. bad, .. " movie\"}"u8];

        var response = await client.PostAsync("/sentiment", JsonBytes(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Post_WithDeeplyNestedJson_ReturnsValidationProblem()
    {
        var client = await factory.CreateReadyClientAsync();
        string json = "{\"text\": \"good\", \"x\": " + new string('[', 10_000) + new string(']', 10_000) + "}";

        var response = await client.PostAsync("/sentiment", Json(json));

        await response.AssertInvalidAsync("body", "not valid JSON");
    }

    [Fact]
    public async Task Post_WithRandomBytes_NeverAnswers5xx()
    {
        var client = await factory.CreateReadyClientAsync();
        var random = new Random(42);
        for (int i = 0; i < 200; i++)
        {
            var bytes = new byte[random.Next(0, 300)];
            random.NextBytes(bytes);
            if (i % 2 == 0)
                bytes = [.. "{\"text\": \""u8, .. bytes, .. "\"}"u8];

            var response = await client.PostAsync("/sentiment", JsonBytes(bytes));

            Assert.True((int)response.StatusCode < 500, $"{(int)response.StatusCode} for {Convert.ToHexString(bytes)}");
        }
    }
}
