using Microsoft.AspNetCore.Mvc.RazorPages;
using ServiceBooking.Domain.Telegram;
using ServiceBooking.Web.Platform.Audit;
using ServiceBooking.Web.Platform.Hosting;
using ServiceBooking.Web.Platform.Notifications;

namespace ServiceBooking.Web.Modules.Telegram;

/// <summary>
/// Telegram (PRODUCT.md section J; issue 17): the outbox's second channel, the bot's set-up by an Admin
/// (<c>/Admin/Telegram</c>, or <c>Telegram:BotToken</c> in configuration), its updates by webhook or long polling, and
/// people linking their chats from the profile (<c>/Profile/Telegram</c>, <c>/start CODE</c>). An instance without a
/// bot leaves the Telegram notices to one that has one (the outbox claims only the channels an instance can send).
/// </summary>
public static class TelegramModule
{
    public static WebApplicationBuilder AddTelegram(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<TelegramOptions>().BindConfiguration(TelegramOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddHttpClient(TelegramOptions.Section);
        services.AddSingleton<TelegramBots>();
        services.AddHostedService<TelegramBotRefresh>();
        services.AddSingleton<INoticeSender, TelegramNoticeSender>();
        services.AddScoped<TelegramSetup>();
        services.AddScoped<TelegramUpdates>();
        services.AddScoped<TelegramLinks>();
        services.AddHostedService<TelegramPolling>();
        services.AddAudited<TelegramBot>(ignore: [nameof(TelegramBot.ProtectedToken), nameof(TelegramBot.WebhookSecret)]);
        services.AddAudited<TelegramLink>();
        services.Configure<RazorPagesOptions>(options =>
        {
            options.Conventions.AuthorizeFolder(ModulePages.Folder("Telegram", "/Admin"), Policies.Admin);
            options.Conventions.AuthorizeFolder(ModulePages.Folder("Telegram", "/Profile"));
        });
        return builder;
    }

    public static WebApplication MapTelegram(this WebApplication app)
    {
        TelegramWebhook.Map(app);
        return app;
    }
}
