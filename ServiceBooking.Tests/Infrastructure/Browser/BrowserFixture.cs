using Microsoft.Playwright;

namespace ServiceBooking.Tests.Infrastructure.Browser;

/// <summary>
/// The site on a real port of 127.0.0.1 and Debian's Chromium driven by Playwright (its bundled driver; no browser
/// download). <c>CHROMIUM_PATH</c> overrides /usr/bin/chromium.
/// </summary>
public sealed class BrowserFixture : SiteFixture
{
    private IPlaywright? _playwright;

    public Uri BaseUrl { get; private set; } = default!;

    public IBrowser Browser { get; private set; } = default!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
            ],
        });
    }

    protected override void StartSite() => BaseUrl = Site.StartOnRealPort();

    /// <summary>A grid whose live stream is cut polls every second (the journeys check that it keeps up).</summary>
    protected override void Configure(SiteFactory site) => site.Settings["Booking:FallbackPollSeconds"] = "1";

    /// <summary>Another instance of the site on the same database, on a real port of its own.</summary>
    public (SiteFactory Site, Uri BaseUrl) StartAnotherSite()
    {
        var other = new SiteFactory(ConnectionString, Smtp);
        Configure(other);
        other.Settings["Jobs:Outbox"] = "false";
        return (other, other.StartOnRealPort());
    }

    /// <summary>
    /// A fresh browser profile (no cookies) at the site (or at <paramref name="site"/>), in Russian, the size of a laptop
    /// or of a phone (or the size given).
    /// </summary>
    public async Task<IPage> NewPageAsync(bool phone = false, ViewportSize? size = null, Uri? site = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = (site ?? BaseUrl).ToString(),
            Locale = "ru-RU",
            ViewportSize = size ?? (phone ? new ViewportSize { Width = 375, Height = 740 } : new ViewportSize { Width = 1280, Height = 900 }),
            IsMobile = phone,
            HasTouch = phone,
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    public override async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await base.DisposeAsync();
    }
}

/// <summary>Browser tests share one Chromium; they run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
