using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServiceBooking.Web.Platform.Data;
using ServiceBooking.Web.Platform.Hosting;
using ServiceBooking.Tests.Bookings;
using ServiceBooking.Tests.Infrastructure;
using ServiceBooking.Web.Modules.Telegram;
using ServiceBooking.Web.Platform.Notifications;

namespace ServiceBooking.Tests.Telegram;

/// <summary>
/// Setting the bot up (an Admin's token, checked with getMe, the webhook pointed at the public URL with a secret),
/// updates by webhook (the secret checked; an update delivered twice acts once) and by long polling (one poller), and
/// linking a chat from the profile with a one-time code; against the Bot API's stand-in.
/// </summary>
public sealed class TelegramLinkingTests(TelegramSetupFixture fixture) : BookingTest<TelegramSetupFixture>(fixture)
{
    private const long IvanChat = 700000001;
    private const long OtherChat = 700000002;
    private static long _updateIds = 1000;

    public override async Task InitializeAsync()
    {
        Fixture.BotApi.Clear();
        await base.InitializeAsync();
        await Fixture.Site.Services.GetRequiredService<TelegramBots>().RefreshAsync(CancellationToken.None);
    }

    [Fact]
    public async Task An_admin_sets_the_bot_up_with_a_token_telegram_accepts_and_the_webhook_points_at_the_public_url()
    {
        var page = await SetUpBotAsync();

        Assert.Equal("Бот настроен.", page.TestId("status-message"));
        Assert.Equal("@servicebooking_test_bot", page.TestId("telegram-bot"));
        var publicUrl = Fixture.Site.Services.GetRequiredService<SiteLinks>().Base.ToString().TrimEnd('/');
        var webhook = Assert.IsType<(string Url, string? Secret)>(Fixture.BotApi.Webhook);
        Assert.Equal($"{publicUrl}/telegram/webhook", webhook.Url);
        var saved = await DbAsync(db => db.TelegramBots.SingleAsync());
        Assert.Equal(webhook.Secret, saved.WebhookSecret);
        Assert.True(webhook.Secret!.Length >= 32);
        Assert.DoesNotContain(BotApiStandIn.Token, saved.ProtectedToken, StringComparison.Ordinal);
        Assert.Equal(("servicebooking_test_bot", 123456L), (saved.Username, saved.BotId));
    }

    [Theory]
    [InlineData("12345:short", "Это не токен бота")]
    [InlineData("999999:WRONG-token_that-telegram-refuses", "Telegram не принял этот токен")]
    public async Task A_token_that_is_malformed_or_refused_is_told_next_to_the_field_and_kept(string token, string error)
    {
        var admin = await SignedInAsync(new UserBuilder("boss").InRole(Roles.Admin));

        var page = await admin.SubmitAsync(await admin.GetAsync("/Admin/Telegram"), "[data-testid=telegram-form]", new Dictionary<string, string> { ["Input.Token"] = token });

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.StartsWith(error, page.FieldError("Token"), StringComparison.Ordinal);
        Assert.Equal(token, page.FieldValue("Token"));
        Assert.Equal(0, await DbAsync(db => db.TelegramBots.CountAsync()));
        Assert.Null(Fixture.BotApi.Webhook);
    }

    [Fact]
    public async Task A_webhook_call_without_the_bot_secret_is_refused_and_does_nothing()
    {
        await SetUpBotAsync();
        using var http = Fixture.Site.CreateClient();

        foreach (var secret in new[] { null, "not-the-secret" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/telegram/webhook") { Content = JsonContent.Create(Update(IvanChat, "/start")) };
            if (secret is not null)
            {
                request.Headers.Add(TelegramWebhook.SecretHeader, secret);
            }

            using var answer = await http.SendAsync(request);
            Assert.Equal(HttpStatusCode.Unauthorized, answer.StatusCode);
        }

        Assert.Equal(0, await DbAsync(db => db.TelegramUpdates.CountAsync()));
        Assert.Equal(0, await DbAsync(db => db.Outbox.CountAsync()));
    }

    [Fact]
    public async Task A_chat_links_once_with_the_code_from_the_profile_and_the_code_works_for_no_other_chat()
    {
        await SetUpBotAsync();
        var ivan = await SignedInAsync(new UserBuilder("ivan").WithName("Петров", "Иван"));
        var code = await LinkCodeAsync(ivan);

        Assert.Equal(HttpStatusCode.OK, await WebhookAsync(Update(IvanChat, $"/start {code}", username: "ivan_p")));
        Assert.Equal(HttpStatusCode.OK, await WebhookAsync(Update(OtherChat, $"/start {code}")));

        var link = await DbAsync(db => db.TelegramLinks.SingleAsync());
        Assert.Equal((IvanChat, "ivan_p"), (link.ChatId, link.Username));
        await DispatchAsync();
        var sent = Fixture.BotApi.Sent.OrderBy(m => m.At).ToList();
        Assert.Equal(2, sent.Count);
        Assert.Equal((IvanChat, "Здравствуйте, Иван! Этот чат привязан к вашей учётной записи: уведомления будут приходить сюда. Отвязать: /stop"), (sent[0].ChatId, sent[0].Text));
        Assert.Equal(OtherChat, sent[1].ChatId);
        Assert.StartsWith("Это бот автосервиса. Чтобы получать здесь уведомления, откройте профиль на сайте и нажмите «Привязать Telegram»: http", sent[1].Text, StringComparison.Ordinal);
        Assert.EndsWith("/Profile/Telegram", sent[1].Text, StringComparison.Ordinal);

        var profile = await ivan.GetAsync("/Profile/Telegram");
        Assert.StartsWith("Привязан к @ivan_p", profile.TestId("telegram-linked"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_update_delivered_twice_links_and_answers_once()
    {
        await SetUpBotAsync();
        var ivan = await SignedInAsync(new UserBuilder("ivan"));
        var update = Update(IvanChat, $"/start {await LinkCodeAsync(ivan)}");

        var answers = await Task.WhenAll(WebhookAsync(update), WebhookAsync(update));
        Assert.All(answers, status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.Equal(HttpStatusCode.OK, await WebhookAsync(update));

        Assert.Equal(1, await DbAsync(db => db.TelegramLinks.CountAsync()));
        Assert.Equal(1, await DbAsync(db => db.Outbox.CountAsync(m => m.Kind == NoticeKind.TelegramReply)));
        await DispatchAsync();
        Assert.Single(Fixture.BotApi.Sent);
    }

    [Fact]
    public async Task An_expired_code_links_nothing()
    {
        await SetUpBotAsync();
        var ivan = await SignedInAsync(new UserBuilder("ivan"));
        var code = await LinkCodeAsync(ivan);
        Fixture.Clock.Advance(TimeSpan.FromMinutes(16));

        Assert.Equal(HttpStatusCode.OK, await WebhookAsync(Update(IvanChat, $"/start {code}")));

        Assert.Equal(0, await DbAsync(db => db.TelegramLinks.CountAsync()));
        await DispatchAsync();
        Assert.StartsWith("Это бот автосервиса.", Assert.Single(Fixture.BotApi.Sent).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_chat_unlinks_itself_with_stop_or_from_the_profile_and_is_told()
    {
        await SetUpBotAsync();
        var ivan = await SignedInAsync(new UserBuilder("ivan").WithName("Петров", "Иван"));
        await WebhookAsync(Update(IvanChat, $"/start {await LinkCodeAsync(ivan)}"));
        await WebhookAsync(Update(IvanChat, "/stop"));
        Assert.Equal(0, await DbAsync(db => db.TelegramLinks.CountAsync()));

        await WebhookAsync(Update(IvanChat, $"/start {await LinkCodeAsync(ivan)}"));
        var profile = await ivan.SubmitAsync(await ivan.GetAsync("/Profile/Telegram"), "form:has([data-testid=telegram-unlink])");
        Assert.Equal("Telegram отвязан.", profile.TestId("status-message"));
        Assert.True(profile.Has("telegram-link"));
        Assert.Equal(0, await DbAsync(db => db.TelegramLinks.CountAsync()));

        await DispatchAsync();
        var texts = Fixture.BotApi.Sent.OrderBy(m => m.At).Select(m => m.Text).ToList();
        Assert.Equal(4, texts.Count);
        Assert.StartsWith("Чат отвязан: сюда больше ничего не придёт. Привязать снова: http", texts[1], StringComparison.Ordinal);
        Assert.Equal("Чат отвязан на сайте: сюда больше ничего не придёт.", texts[3]);
    }

    [Fact]
    public async Task Without_a_public_https_address_one_instance_polls_and_a_repeated_update_acts_once()
    {
        await SetUpBotAsync();
        var ivan = await SignedInAsync(new UserBuilder("ivan"));
        var update = Update(IvanChat, $"/start {await LinkCodeAsync(ivan)}");
        await WebhookAsync(update);
        await using var first = Poller();
        await using var second = Poller();
        _ = first.Server;
        _ = second.Server;

        // Delivered again by polling (as after a webhook was switched off): recognised by its id; then a new one.
        Fixture.BotApi.Deliver(update);
        Fixture.BotApi.Deliver(Update(OtherChat, "привет"));
        await WaitAsync(async () => await DbAsync(db => db.TelegramUpdates.CountAsync()) == 2);

        Assert.Equal(1, await DbAsync(db => db.TelegramLinks.CountAsync()));
        Assert.Equal(2, await DbAsync(db => db.Outbox.CountAsync(m => m.Kind == NoticeKind.TelegramReply)));
        Assert.Equal(1, Fixture.BotApi.MostPollers);
    }

    private SiteFactory Poller()
    {
        var site = new SiteFactory(Fixture.ConnectionString, Smtp);
        site.Settings["Jobs:Outbox"] = "false";
        site.Settings["Telegram:ApiUrl"] = Fixture.BotApi.Url.ToString();
        site.Settings["Telegram:Updates"] = "Polling";
        site.Settings["Telegram:PollSeconds"] = "1";
        site.ConfigureTestServices = services => services.AddSingleton<TimeProvider>(Fixture.Clock);
        return site;
    }

    private static async Task WaitAsync(Func<Task<bool>> done)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (!await done())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out");
            await Task.Delay(100);
        }
    }

    private async Task<HtmlPage> SetUpBotAsync()
    {
        var admin = await SignedInAsync(new UserBuilder("boss").InRole(Roles.Admin));
        var page = await admin.SubmitAsync(await admin.GetAsync("/Admin/Telegram"), "[data-testid=telegram-form]",
            new Dictionary<string, string> { ["Input.Token"] = BotApiStandIn.Token });
        Assert.True(page.Has("telegram-remove"), page.FieldError("Token"));
        return page;
    }

    private static async Task<string> LinkCodeAsync(HtmlClient client)
    {
        var page = await client.SubmitAsync(await client.GetAsync("/Profile/Telegram"), "form:has([data-testid=telegram-link])");
        var command = page.TestId("telegram-command")!;
        Assert.StartsWith("/start ", command, StringComparison.Ordinal);
        Assert.EndsWith(command["/start ".Length..], page.Document.QuerySelector("[data-testid=telegram-open]")!.GetAttribute("href"), StringComparison.Ordinal);
        return command["/start ".Length..];
    }

    private async Task<HttpStatusCode> WebhookAsync(JsonObject update)
    {
        var secret = await DbAsync(db => db.TelegramBots.Select(b => b.WebhookSecret).SingleAsync());
        using var http = Fixture.Site.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/telegram/webhook") { Content = new StringContent(update.ToJsonString(), System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Add(TelegramWebhook.SecretHeader, secret);
        using var answer = await http.SendAsync(request);
        return answer.StatusCode;
    }

    private static JsonObject Update(long chat, string text, string? username = null) => new()
    {
        ["update_id"] = Interlocked.Increment(ref _updateIds),
        ["message"] = new JsonObject
        {
            ["message_id"] = 1,
            ["date"] = 1764680000,
            ["chat"] = new JsonObject { ["id"] = chat, ["type"] = "private", ["username"] = username },
            ["from"] = new JsonObject { ["id"] = chat, ["is_bot"] = false, ["first_name"] = "Иван", ["language_code"] = "ru" },
            ["text"] = text,
        },
    };

    private Task<int> DispatchAsync() => BotApiFixture.DispatchAsync(Fixture.Site.Services);
}
