using ServiceBooking.Tests.Infrastructure;

namespace ServiceBooking.Tests.Telegram;

/// <summary>
/// The site without a configured token, its updates by webhook, speaking to <see cref="BotApiStandIn"/>: an Admin sets
/// the bot up on the page. The outbox runs only when a test runs it.
/// </summary>
public sealed class TelegramSetupFixture : BotApiFixture
{
    protected override void Configure(SiteFactory site)
    {
        base.Configure(site);
        site.Settings["Jobs:Outbox"] = "false";
        site.Settings["Telegram:ApiUrl"] = BotApi.Url.ToString();
        site.Settings["Telegram:Updates"] = "Webhook";
    }
}
