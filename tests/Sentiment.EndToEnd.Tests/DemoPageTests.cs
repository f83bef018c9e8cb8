using System.Security.Cryptography;
using System.Text.RegularExpressions;
using System.Text;
using Microsoft.Playwright;
using Sentiment.TestKit;

namespace Sentiment.EndToEnd.Tests;

/// <summary>A person's path through the demo page, in headless Chromium, on the shipped models with API keys on.</summary>
public sealed class DemoPageTests
{
    private const string Key = "demo-page-test-key";
    private const string Review =
        "The acting was wonderful and the music was beautiful. But the plot was terrible and the ending was boring.";

    [ChromiumFact]
    public async Task TypingAMixedReview_ShowsTheMixedVerdictAndHighlightsTheWordsOnBothSides()
    {
        await OnDemoPageAsync("demo-page-mixed-review.png", async page =>
        {
            var text = page.GetByLabel("Review text");
            await text.FillAsync("");
            await text.PressSequentiallyAsync(Review);
            await text.PressAsync("Control+Enter");

            await Assertions.Expect(page.Locator("#label")).ToHaveTextAsync("mixed");
            await Assertions.Expect(page.Locator("#answered-by")).ToHaveTextAsync("Answered by sentiment-lstm 2.0.0.");
            await Assertions.Expect(page.Locator("#sentences tbody tr")).ToHaveCountAsync(2);
            await Assertions.Expect(page.Locator("#sentences tbody tr").Nth(0).Locator("td").Nth(1)).ToHaveTextAsync("positive");
            await Assertions.Expect(page.Locator("#sentences tbody tr").Nth(1).Locator("td").Nth(1)).ToHaveTextAsync("negative");
            foreach (string word in new[] { "wonderful", "beautiful" })
                await Assertions.Expect(Word(page, word)).ToHaveClassAsync(new Regex(@"\bc[23]\b"));
            foreach (string word in new[] { "terrible", "boring" })
                await Assertions.Expect(Word(page, word)).ToHaveClassAsync(new Regex(@"\bc-[23]\b"));
            await Assertions.Expect(Word(page, "boring")).ToHaveAttributeAsync("aria-label", new Regex("^boring: .*negative"));
            await Assertions.Expect(page.Locator("#words")).ToHaveTextAsync(Review); // the text as typed, nothing lost
        });
    }

    [ChromiumFact]
    public async Task TheChineseExample_ByKeyboard_IsAnsweredNegativeByTheChineseModel()
    {
        await OnDemoPageAsync("demo-page-chinese-review.png", async page =>
        {
            var example = page.GetByRole(AriaRole.Button, new() { Name = "Chinese review" });
            await example.FocusAsync();
            await example.PressAsync("Enter");
            await Assertions.Expect(page.GetByLabel("Review text")).ToHaveValueAsync("这部电影太无聊了");
            await Assertions.Expect(page.GetByLabel("Review text")).ToBeFocusedAsync();
            await page.Keyboard.PressAsync("Control+Enter");

            await Assertions.Expect(page.Locator("#label")).ToHaveTextAsync("negative");
            await Assertions.Expect(page.Locator("#answered-by")).ToHaveTextAsync("Answered by sentiment-zh-lstm 1.0.0.");
            await Assertions.Expect(page.Locator("#words")).ToHaveTextAsync("这部电影太无聊了");
        });
    }

    /// <summary>
    /// Starts the service on the shipped models, opens the demo page, enters the key by keyboard and
    /// label (as a screen-reader user would reach the controls), runs the steps and saves a screenshot;
    /// no step may break the Content-Security-Policy.
    /// </summary>
    private static async Task OnDemoPageAsync(string screenshot, Func<IPage, Task> steps)
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
            await page.GetByLabel("API key").FillAsync(Key);
            await page.GetByLabel("API key").PressAsync("Tab");
            await Assertions.Expect(page.Locator("#model")).ToContainTextAsync("sentiment-lstm 2.0.0 (en, the default");
            await Assertions.Expect(page.Locator("#model")).ToContainTextAsync("sentiment-zh-lstm 1.0.0 (zh");

            await steps(page);

            Assert.Empty(policyViolations);
            await page.ScreenshotAsync(new() { Path = ScreenshotPath(screenshot), FullPage = true });
        }
        catch
        {
            await page.ScreenshotAsync(new() { Path = ScreenshotPath(screenshot), FullPage = true }); // what the browser showed
            throw;
        }
    }

    private static ILocator Word(IPage page, string word) =>
        page.Locator("#words mark").Filter(new() { HasTextRegex = new Regex($"^{word}$") });

    private static string ScreenshotPath(string name)
    {
        Directory.CreateDirectory(BuildInfo.TestResultsDirectory);
        return Path.Combine(BuildInfo.TestResultsDirectory, name);
    }
}
