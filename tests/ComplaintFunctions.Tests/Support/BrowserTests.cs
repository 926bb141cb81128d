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

    /// <summary>A fresh browser signed in to the console as <paramref name="person"/> at the local runner's stand-in for Entra ID.</summary>
    protected async Task<IPage> SignInAsync(string person)
    {
        var context = await Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(Url("/api/console"));
        await page.CheckAsync($"#{person}");
        await page.ClickAsync("#sign-in");
        await page.WaitForSelectorAsync("#signed-in");
        return page;
    }

    /// <summary>The runner's address for <paramref name="path"/>, or a whole link from a mail as it is.</summary>
    protected string Url(string path) => new Uri(Runner.BaseAddress, path).ToString();

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        playwright.Dispose();
        await Runner.DisposeAsync();
    }
}
