using Microsoft.Playwright;

namespace McpDemo.Testing;

/// <summary>
/// Launches Debian's Chromium through Playwright's bundled driver; Playwright's own browser download
/// cannot work without internet access.
/// </summary>
public static class Chromium
{
    private const string ExecutablePath = "/usr/bin/chromium";

    /// <summary>Launches headless Chromium; fails saying how to install it when it is missing.</summary>
    public static async Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException($"Chromium is missing ({ExecutablePath} not found): run: apt-get install -y chromium");
        }
        return await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }
}
