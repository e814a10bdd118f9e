using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServiceBooking.Tests.Bookings;
using ServiceBooking.Tests.Infrastructure;
using ServiceBooking.Web.Platform.Notifications;

namespace ServiceBooking.Tests.Telegram;

/// <summary>
/// The outbox's Telegram channel against a stand-in of the Bot API (its HTTP protocol): each notice delivered once, with
/// its text, to its chat; Telegram's 429 <c>retry_after</c> honoured; an outage retried; two hosts deliver each once;
/// one message a second per chat.
/// </summary>
public sealed class TelegramOutboxTests(TelegramFixture fixture) : BookingTest<TelegramFixture>(fixture)
{
    public override async Task InitializeAsync()
    {
        Fixture.BotApi.Clear();
        await base.InitializeAsync();
    }

    private Task<int> DispatchAsync() => DispatchAsync(Fixture.Site.Services);

    private static Task<int> DispatchAsync(IServiceProvider services) => BotApiFixture.DispatchAsync(services);

    private Task<List<OutboxMessage>> OutboxAsync() => DbAsync(db => db.Outbox.AsNoTracking().OrderBy(m => m.Id).ToListAsync());

    private Task<int> QueueAsync(params (long Chat, string Text)[] notices) => DbAsync(db =>
    {
        db.Outbox.AddRange(notices.Select((n, i) => new OutboxMessage
        {
            Channel = NoticeChannel.Telegram,
            Kind = NoticeKind.BookingReminder,
            DedupKey = $"test:telegram:{i}",
            Recipient = n.Chat.ToString(System.Globalization.CultureInfo.InvariantCulture),
            TextBody = n.Text,
            NextAttemptAt = Fixture.Clock.GetUtcNow(),
            CreatedAt = Fixture.Clock.GetUtcNow(),
        }));
        return db.SaveChangesAsync();
    });

    [Fact]
    public async Task Each_notice_reaches_its_chat_once_with_its_text_and_is_marked_sent()
    {
        await QueueAsync((100000001, "Новая заявка №155026 (14:01)\nКлиент: Ника Дмитриевна\nАдрес: ул. Белорусская, д. 34, кв. 3"), (100000002, "Завтра визит в 10:00"));

        Assert.Equal(2, await DispatchAsync());
        Assert.Equal(0, await DispatchAsync());

        Assert.Equal(
            [(100000001L, "Новая заявка №155026 (14:01)\nКлиент: Ника Дмитриевна\nАдрес: ул. Белорусская, д. 34, кв. 3", (string?)null), (100000002L, "Завтра визит в 10:00", null)],
            Fixture.BotApi.Sent.Select(m => (m.ChatId, m.Text, m.ParseMode)).OrderBy(m => m.ChatId));
        Assert.All(await OutboxAsync(), m => Assert.Equal((OutboxStatus.Sent, 1), (m.Status, m.Attempts)));
        Assert.Empty(Smtp.Received);
    }

    [Fact]
    public async Task Telegrams_429_is_honoured_the_notice_waits_as_long_as_asked_and_is_sent_once()
    {
        await QueueAsync((100000001, "Первое"), (100000001, "Второе"), (100000002, "Другой чат"));
        Fixture.BotApi.Fail(Failure.TooManyRequests(retryAfter: 45));

        await DispatchAsync();

        // The first of chat 1 was refused: it and the chat's second wait 45 s (longer than the outbox's own 30 s);
        // the other chat's went.
        var (sent, waiting) = (await OutboxAsync()).Split(m => m.Status == OutboxStatus.Sent);
        Assert.Equal(["Другой чат"], sent.Select(m => m.TextBody));
        Assert.All(waiting, m => Assert.Equal(Fixture.Clock.GetUtcNow().AddSeconds(45), m.NextAttemptAt));
        Assert.All(waiting, m => Assert.Contains("45", m.LastError));
        Assert.Equal(2, Fixture.BotApi.SendCalls); // the chat's second was not tried after the 429

        Fixture.Clock.Advance(TimeSpan.FromSeconds(40));
        Assert.Equal(0, await DispatchAsync());
        Fixture.Clock.Advance(TimeSpan.FromSeconds(6));
        Assert.Equal(2, await DispatchAsync());

        Assert.Equal(["Другой чат", "Первое", "Второе"], Fixture.BotApi.Sent.Select(m => m.Text));
        Assert.All(await OutboxAsync(), m => Assert.Equal(OutboxStatus.Sent, m.Status));
    }

    [Fact]
    public async Task While_the_bot_api_is_down_notices_wait_and_go_once_when_it_is_back()
    {
        await QueueAsync((100000001, "Машина готова"));
        Fixture.BotApi.Down = true;

        await DispatchAsync();
        Fixture.Clock.Advance(TimeSpan.FromSeconds(31));
        await DispatchAsync();

        var waiting = Assert.Single(await OutboxAsync());
        Assert.Equal((OutboxStatus.Pending, 2), (waiting.Status, waiting.Attempts));
        Assert.Empty(Fixture.BotApi.Sent);

        Fixture.BotApi.Down = false;
        Fixture.Clock.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal(1, await DispatchAsync());
        Fixture.Clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(0, await DispatchAsync());

        Assert.Equal("Машина готова", Assert.Single(Fixture.BotApi.Sent).Text);
        Assert.Equal(OutboxStatus.Sent, Assert.Single(await OutboxAsync()).Status);
    }

    [Fact]
    public async Task Two_hosts_sending_at_once_deliver_each_notice_once_and_one_chat_gets_a_message_a_second()
    {
        await QueueAsync([.. Enumerable.Range(1, 12).Select(i => ((long)(100000000 + i % 4), $"Сообщение {i}"))]);
        await using var second = new SiteFactory(Fixture.ConnectionString, Smtp);
        Fixture.ConfigureTelegram(second);
        second.Settings["Outbox:BatchSize"] = "3";
        second.ConfigureTestServices = services => services.AddSingleton<TimeProvider>(Fixture.Clock);
        _ = second.Server;

        await Task.WhenAll(DispatchAsync(Fixture.Site.Services), DispatchAsync(second.Services));

        var sent = await Fixture.BotApi.WaitForAsync(12);
        Assert.Equal(12, sent.Count);
        Assert.Equal(12, sent.Select(m => m.Text).Distinct().Count());
        Assert.All(await OutboxAsync(), m => Assert.Equal((OutboxStatus.Sent, 1), (m.Status, m.Attempts)));
        // Each host paces its own sends, a second apart per chat: of a chat's three, two went through one host, so the
        // chat's first and last are at least a second apart.
        var chats = sent.GroupBy(m => m.ChatId).Select(g => g.OrderBy(m => m.At).ToList()).ToList();
        Assert.All(chats, chat => Assert.Equal(3, chat.Count));
        Assert.All(chats, chat => Assert.True(Stopwatch.GetElapsedTime(chat[0].At, chat[^1].At) >= TimeSpan.FromSeconds(0.95)));
    }
}

internal static class Splitting
{
    public static (List<T> Yes, List<T> No) Split<T>(this IEnumerable<T> items, Func<T, bool> test)
    {
        var all = items.ToList();
        return ([.. all.Where(test)], [.. all.Where(i => !test(i))]);
    }
}
