using ServiceBooking.Tests.Bookings;
using ServiceBooking.Tests.Infrastructure;

namespace ServiceBooking.Tests.Telegram;

/// <summary>
/// The site without a configured token, its updates by webhook, speaking to <see cref="BotApiStandIn"/>: an Admin sets
/// the bot up on the page. The outbox runs only when a test runs it.
/// </summary>
public sealed class TelegramSetupFixture : BookingFixture
{
    public BotApiStandIn BotApi { get; private set; } = default!;

    public override async Task InitializeAsync()
    {
        BotApi = await BotApiStandIn.StartAsync();
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await BotApi.DisposeAsync();
    }

    protected override void Configure(SiteFactory site)
    {
        base.Configure(site);
        site.Settings["Jobs:Outbox"] = "false";
        site.Settings["Telegram:ApiUrl"] = BotApi.Url.ToString();
        site.Settings["Telegram:Updates"] = "Webhook";
    }
}
