using System.Net;
using System.Text.RegularExpressions;
using Sentiment.Api.Demo;
using Sentiment.Api.Tests.Infrastructure;

namespace Sentiment.Api.Tests.Unit;

/// <summary>The page at / is self-contained and fits a strict Content-Security-Policy.</summary>
public sealed partial class DemoPageTests(FakeModelFactory factory) : IClassFixture<FakeModelFactory>
{
    [Theory]
    [InlineData("/", "text/html")]
    [InlineData("/demo/demo.css", "text/css")]
    [InlineData("/demo/demo.js", "text/javascript")]
    public async Task DemoFiles_AreServedUnderTheStrictPolicy(string path, string mediaType)
    {
        var response = await factory.CreateClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(DemoPage.ContentSecurityPolicy, response.Headers.GetValues("Content-Security-Policy").Single());
        string content = await response.Content.ReadAsStringAsync();
        Assert.DoesNotMatch(ExternalAddress(), content); // works offline: nothing from elsewhere
    }

    [Fact]
    public async Task Page_HasNoInlineCodeOrStyle_AndLabelsEveryControl()
    {
        string html = await factory.CreateClient().GetStringAsync("/");

        Assert.DoesNotMatch(InlineScript(), html);
        Assert.DoesNotMatch(@"\sstyle\s*=|\son[a-z]+\s*=", html);
        Assert.Contains("""<label for="text">""", html);
        Assert.Contains("""<label for="key">""", html);
        Assert.Contains("""id="legend" """.Trim(), html);
        Assert.Contains("/swagger", html);
    }

    [Fact]
    public async Task Page_OffersExampleTexts_AsButtonsThatDoNotSubmit_OneOfThemChinese()
    {
        string html = await factory.CreateClient().GetStringAsync("/");

        var examples = ExampleButton().Matches(html).Select(m => m.Groups["text"].Value).ToArray();
        Assert.Equal(html.Split("class=\"example\"").Length - 1, examples.Length); // each one type="button", so none submits
        Assert.Contains("这部电影太无聊了", examples);
        Assert.Contains(examples, text => text.StartsWith("The acting was wonderful", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DemoOff_RootIs404_AndSwaggerStays()
    {
        using var off = new FakeModelFactory { Settings = new Dictionary<string, string> { ["Demo:Enabled"] = "false" } };
        var client = off.CreateClient();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/swagger/index.html")).StatusCode);
    }

    [GeneratedRegex("""<button type="button" class="example" data-text="(?<text>[^"]+)">""")]
    private static partial Regex ExampleButton();

    [GeneratedRegex(@"https?://(?!localhost)")]
    private static partial Regex ExternalAddress();

    [GeneratedRegex(@"<script(?![^>]*\ssrc=)[^>]*>")]
    private static partial Regex InlineScript();
}
