using Microsoft.Playwright;

namespace ComplaintFunctions.Tests.Support;

/// <summary>Debian's Chromium (scripts/install-browser), headless, as every browser test starts it; Playwright's own download is blocked here.</summary>
static class HeadlessChromium
{
    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) => playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
    {
        ExecutablePath = "/usr/bin/chromium",
        Headless = true,
        Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
}
