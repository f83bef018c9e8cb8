using System.Security.Cryptography;
using System.Text.RegularExpressions;
using System.Text;
using Microsoft.Playwright;
using Sentiment.TestKit;

namespace Sentiment.EndToEnd.Tests;

/// <summary>A person's path through the demo page, in headless Chromium, on the shipped model with API keys on.</summary>
public sealed class DemoPageTests
{
    private const string Key = "demo-page-test-key";
    private const string Review =
        "The acting was wonderful and the music was beautiful. But the plot was terrible and the ending was boring.";

    [ChromiumFact]
    public async Task TypingAMixedReview_ShowsTheMixedVerdictAndHighlightsTheWordsOnBothSides()
    {
        await using var service = ApiProcess.Start(BuildInfo.ApiAssembly, new Dictionary<string, string>
        {
            ["Model__Path"] = Path.Combine(AppContext.BaseDirectory, "ShippedModel"),
            ["Auth__ApiKeys__0__Name"] = "demo",
            ["Auth__ApiKeys__0__Sha256"] = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Key))),
        });
        var address = await service.WaitUntilReadyAsync();
        var policyViolations = new List<string>();

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium.ExecutablePath,
            Headless = true,
            Args = Chromium.Arguments,
        });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1100, Height = 1300 } });
        page.SetDefaultTimeout(30_000);
        // Chromium reports a Content-Security-Policy violation on the console ("Refused to ... because it violates ...").
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
                policyViolations.Add(message.Text);
        };
        try
        {
            await page.GotoAsync(new Uri(address, "/").ToString());

            // By keyboard and by label, as a screen-reader user would reach the controls.
            await page.GetByLabel("API key").FillAsync(Key);
            await page.GetByLabel("API key").PressAsync("Tab");
            await Assertions.Expect(page.Locator("#model")).ToContainTextAsync("sentiment-lstm 2.0.0");
            var text = page.GetByLabel("Review text");
            await text.FillAsync("");
            await text.PressSequentiallyAsync(Review);
            await text.PressAsync("Control+Enter");

            await Assertions.Expect(page.Locator("#label")).ToHaveTextAsync("mixed");
            await Assertions.Expect(page.Locator("#sentences tbody tr")).ToHaveCountAsync(2);
            await Assertions.Expect(page.Locator("#sentences tbody tr").Nth(0).Locator("td").Nth(1)).ToHaveTextAsync("positive");
            await Assertions.Expect(page.Locator("#sentences tbody tr").Nth(1).Locator("td").Nth(1)).ToHaveTextAsync("negative");
            foreach (string word in new[] { "wonderful", "beautiful" })
                await Assertions.Expect(Word(page, word)).ToHaveClassAsync(new Regex(@"\bc[23]\b"));
            foreach (string word in new[] { "terrible", "boring" })
                await Assertions.Expect(Word(page, word)).ToHaveClassAsync(new Regex(@"\bc-[23]\b"));
            await Assertions.Expect(Word(page, "boring")).ToHaveAttributeAsync("aria-label", new Regex("^boring: .*negative"));
            await Assertions.Expect(page.Locator("#words")).ToHaveTextAsync(Review); // the text as typed, nothing lost
            Assert.Empty(policyViolations);
            await page.ScreenshotAsync(new() { Path = ScreenshotPath, FullPage = true });
        }
        catch
        {
            await page.ScreenshotAsync(new() { Path = ScreenshotPath, FullPage = true }); // what the browser showed
            throw;
        }
    }

    private static ILocator Word(IPage page, string word) =>
        page.Locator("#words mark").Filter(new() { HasTextRegex = new Regex($"^{word}$") });

    private static string ScreenshotPath
    {
        get
        {
            Directory.CreateDirectory(BuildInfo.TestResultsDirectory);
            return Path.Combine(BuildInfo.TestResultsDirectory, "demo-page-mixed-review.png");
        }
    }
}
