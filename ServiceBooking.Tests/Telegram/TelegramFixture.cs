using ServiceBooking.Tests.Infrastructure;

namespace ServiceBooking.Tests.Telegram;

/// <summary>The site with a bot token, speaking to <see cref="BotApiStandIn"/>; the outbox runs only when a test runs it.</summary>
public sealed class TelegramFixture : BotApiFixture
{
    protected override void Configure(SiteFactory site)
    {
        base.Configure(site);
        ConfigureTelegram(site);
    }

    /// <summary>What every host of these tests is given: the stand-in's address and the bot's token, no outbox of its own.</summary>
    public void ConfigureTelegram(SiteFactory site)
    {
        site.Settings["Jobs:Outbox"] = "false";
        site.Settings["Outbox:FirstRetrySeconds"] = "30";
        site.Settings["Outbox:MaxAttempts"] = "5";
        site.Settings["Telegram:BotToken"] = BotApiStandIn.Token;
        site.Settings["Telegram:ApiUrl"] = BotApi.Url.ToString();
    }
}
