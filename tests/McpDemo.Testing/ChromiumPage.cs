using Microsoft.Playwright;

namespace McpDemo.Testing;

/// <summary>One headless Chromium page at a laptop-sized viewport, with screenshots saved under the test output.</summary>
public sealed class ChromiumPage : IAsyncDisposable
{
    private static readonly string s_screenshots = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private ChromiumPage(IPlaywright playwright, IBrowser browser, IPage page)
    {
        _playwright = playwright;
        _browser = browser;
        Page = page;
    }

    /// <summary>The page to drive.</summary>
    public IPage Page { get; }

    /// <summary>Launches Chromium and opens a page whose actions and assertions wait at most <paramref name="timeout"/>.</summary>
    public static async Task<ChromiumPage> OpenAsync(TimeSpan timeout)
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1440, Height = 900 } });
        page.SetDefaultTimeout((float)timeout.TotalMilliseconds);
        return new ChromiumPage(playwright, browser, page);
    }

    /// <summary>Saves the whole page as <c>TestResults/screenshots/<paramref name="name"/>.png</c> next to the test assembly.</summary>
    public async Task ScreenshotAsync(string name)
    {
        Directory.CreateDirectory(s_screenshots);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(s_screenshots, name + ".png"), FullPage = true });
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
