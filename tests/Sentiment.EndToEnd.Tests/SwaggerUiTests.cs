using System.Text.Json;
using Microsoft.Playwright;

namespace Sentiment.EndToEnd.Tests;

[Collection(TinyBundleServiceCollection.Name)]
public sealed class SwaggerUiTests(TinyBundleService service)
{
    [ChromiumFact]
    public async Task SwaggerUi_TryItOutOnPostSentiment_Returns200WithALabel()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium.ExecutablePath,
            Headless = true,
            Args = Chromium.Arguments,
        });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 1600 } });
        page.SetDefaultTimeout(30_000);
        try
        {
            await page.GotoAsync(new Uri(service.BaseAddress, "/swagger").ToString());

            var operation = page.Locator(".opblock-post").Filter(new()
            {
                Has = page.Locator(".opblock-summary-path[data-path='/sentiment']"),
            });
            await operation.Locator(".opblock-summary").ClickAsync();
            await operation.GetByRole(AriaRole.Button, new() { Name = "Try it out" }).ClickAsync();
            await operation.GetByRole(AriaRole.Button, new() { Name = "Execute" }).ClickAsync();

            var status = operation.Locator(".live-responses-table .response .response-col_status").First;
            await Assertions.Expect(status).ToHaveTextAsync("200");
            var body = await operation.Locator(".live-responses-table .response-col_description pre").First.InnerTextAsync();
            using var json = JsonDocument.Parse(body);
            Assert.False(string.IsNullOrWhiteSpace(json.RootElement.GetProperty("label").GetString()));
            await operation.ScreenshotAsync(new() { Path = ScreenshotPath });
        }
        catch
        {
            await page.ScreenshotAsync(new() { Path = ScreenshotPath, FullPage = true }); // what the browser showed
            throw;
        }
    }

    private static string ScreenshotPath
    {
        get
        {
            Directory.CreateDirectory(BuildInfo.TestResultsDirectory);
            return Path.Combine(BuildInfo.TestResultsDirectory, "swagger-try-it-out.png");
        }
    }
}
