using Microsoft.Playwright;

namespace ComplaintFunctions.Tests.Support;

/// <summary>What every browser test class has: its own runner on the shared Azurite, and Debian's Chromium, headless.</summary>
public abstract class BrowserTests(AzuriteFixture azurite, string taskHubPrefix) : IAsyncLifetime
{
    IPlaywright playwright = null!;

    protected RunnerClient Runner { get; private set; } = null!;

    protected IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Runner = await RunnerClient.StartAsync(azurite, taskHubPrefix + Guid.NewGuid().ToString("N")[..8]);
        playwright = await Playwright.CreateAsync();
        Browser = await HeadlessChromium.LaunchAsync(playwright);
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        playwright.Dispose();
        await Runner.DisposeAsync();
    }
}
