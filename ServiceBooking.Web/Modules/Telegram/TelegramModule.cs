using Microsoft.Extensions.Options;
using ServiceBooking.Web.Platform.Notifications;
using Telegram.Bot;

namespace ServiceBooking.Web.Modules.Telegram;

/// <summary>
/// Telegram (PRODUCT.md section J; issue 17), its first part: the outbox's second channel. With a bot token configured
/// this instance delivers the outbox's Telegram notices through the Bot API; without one it leaves them to an instance
/// that has one (the outbox claims only the channels an instance can send). What queues them (linking a chat, the
/// staff's notices, the bots) comes in the next parts of the issue.
/// </summary>
public static class TelegramModule
{
    public static WebApplicationBuilder AddTelegram(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<TelegramOptions>().BindConfiguration(TelegramOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var settings = builder.Configuration.GetSection(TelegramOptions.Section).Get<TelegramOptions>() ?? new TelegramOptions();
        if (settings.Enabled)
        {
            services.AddHttpClient(TelegramOptions.Section);
            services.AddSingleton<ITelegramBotClient>(provider =>
            {
                var options = provider.GetRequiredService<IOptions<TelegramOptions>>().Value;
                // No retries inside the library: a 429 goes back to the outbox, which waits as long as Telegram asked.
                var client = new TelegramBotClientOptions(options.BotToken!, options.ApiUrl) { RetryThreshold = 0, RetryCount = 0 };
                return new TelegramBotClient(client, provider.GetRequiredService<IHttpClientFactory>().CreateClient(TelegramOptions.Section));
            });
            services.AddSingleton<INoticeSender, TelegramNoticeSender>();
        }

        return builder;
    }
}
