using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServiceBooking.Tests.Bookings;
using ServiceBooking.Tests.Infrastructure;
using ServiceBooking.Web.Platform.Email;
using ServiceBooking.Web.Platform.Notifications;

namespace ServiceBooking.Tests.Platform.Email;

public sealed class OutboxTests(OutboxFixture fixture) : BookingTest<OutboxFixture>(fixture)
{
    private Task<int> DispatchAsync() => Fixture.RunAsync<OutboxDispatcher, int>(async d =>
    {
        var total = 0;
        for (int claimed; (claimed = await d.DispatchBatchAsync(CancellationToken.None)) > 0;)
        {
            total += claimed;
        }

        return total;
    });

    private Task<int> QueueAsync(int count, string prefix = "Письмо") => Fixture.RunAsync<OutboxWriter, int>(writer => writer.EnqueueManyAsync(
        [.. Enumerable.Range(1, count).Select(i => new OutboxEntry(
            new EmailMessage($"client{i}@example.ru", null, $"{prefix} {i}", $"<p>{prefix} {i}</p>", $"{prefix} {i}\n"),
            NoticeKind.BookingReminder, $"test:{prefix}:{i}"))],
        CancellationToken.None));

    private Task<List<OutboxMessage>> OutboxAsync() => DbAsync(db => db.Outbox.AsNoTracking().OrderBy(m => m.Id).ToListAsync());

    /// <summary>Notices for a Telegram chat, as issue 17's writer will queue them (this site has no Telegram sender yet).</summary>
    private Task<int> QueueTelegramAsync(int count) => DbAsync(db =>
    {
        db.Outbox.AddRange(Enumerable.Range(1, count).Select(i => new OutboxMessage
        {
            Channel = NoticeChannel.Telegram,
            Kind = NoticeKind.BookingReminder,
            DedupKey = $"test:telegram:{i}",
            Recipient = $"10000000{i}",
            RecipientName = "Иван",
            TextBody = $"Завтра визит {i}",
            NextAttemptAt = Fixture.Clock.GetUtcNow(),
            CreatedAt = Fixture.Clock.GetUtcNow(),
        }));
        return db.SaveChangesAsync();
    });

    [Fact]
    public async Task A_booking_and_its_confirmation_email_are_stored_together_and_nothing_goes_before_the_dispatcher_runs()
    {
        var (client, carId) = await ClientWithRioAsync("ivan");

        await BookAsync(client, BookForm(Today, "12:00", await AdvisorIdAsync("Волков"), carId, await RepairTypeIdAsync("ТО-1", "Kia Rio (IV)")));

        var queued = Assert.Single(await OutboxAsync());
        var booking = await DbAsync(db => db.Bookings.SingleAsync());
        Assert.Equal((NoticeChannel.Email, NoticeKind.BookingConfirmation, $"BookingConfirmation:{booking.Id}", OutboxStatus.Pending, "ivan@example.ru", "Петров Иван Сергеевич"),
            (queued.Channel, queued.Kind, queued.DedupKey, queued.Status, queued.Recipient, queued.RecipientName));
        Assert.Empty(Smtp.Received);
    }

    [Fact]
    public async Task The_confirmation_carries_the_visit_as_a_calendar_file_in_utc()
    {
        var (client, carId) = await ClientWithRioAsync("ivan");
        await BookAsync(client, BookForm(Today, "12:00", await AdvisorIdAsync("Волков"), carId, await RepairTypeIdAsync("ТО-1", "Kia Rio (IV)")));

        await DispatchAsync();

        var mail = await Smtp.WaitForAsync("ivan@example.ru");
        Assert.Equal("Вы записаны в сервис", mail.Message.Subject);
        Assert.Contains("01.12.2026 в 12:00", mail.Text, StringComparison.Ordinal);
        Assert.Contains("6 800,00 ₽", mail.Text.Replace('\u00A0', ' '), StringComparison.Ordinal);
        Assert.Equal("https://service.example/Booking/My", mail.Link("/Booking/My"));
        var ics = Assert.Single(mail.Message.Attachments.OfType<MimeKit.MimePart>());
        Assert.Equal("visit.ics", ics.FileName);
        using var content = new MemoryStream();
        await ics.Content!.DecodeToAsync(content);
        var text = System.Text.Encoding.UTF8.GetString(content.ToArray());
        Assert.Contains("DTSTART:20261201T090000Z\r\n", text, StringComparison.Ordinal); // 12:00 in Moscow (UTC+3)
        Assert.Contains("DTEND:20261201T093000Z\r\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task While_the_mail_server_is_down_messages_wait_and_once_it_is_back_each_is_delivered_exactly_once()
    {
        await QueueAsync(5);
        Smtp.Refuse = true;

        await DispatchAsync();
        var waiting = await OutboxAsync();
        Assert.All(waiting, m => Assert.Equal((OutboxStatus.Pending, 1), (m.Status, m.Attempts)));
        Assert.All(waiting, m => Assert.Equal(BookingFixture.DefaultNow.AddSeconds(30), m.NextAttemptAt));
        Assert.All(waiting, m => Assert.Contains("Service not available", m.LastError, StringComparison.Ordinal));
        Assert.Equal(0, await DispatchAsync()); // nothing is due before its next attempt

        Smtp.Refuse = false;
        Fixture.Clock.Advance(TimeSpan.FromSeconds(31));
        await DispatchAsync();
        await DispatchAsync();

        var sent = await OutboxAsync();
        Assert.All(sent, m => Assert.Equal(OutboxStatus.Sent, m.Status));
        Assert.Equal(5, Smtp.Received.Count);
        Assert.Equal(Enumerable.Range(1, 5).Select(i => $"Письмо {i}"), Smtp.Received.Select(m => m.Message.Subject).Order());
    }

    [Fact]
    public async Task After_the_last_attempt_a_message_is_failed_with_its_error_and_waits_longer_each_time_before()
    {
        await QueueAsync(1);
        Smtp.Refuse = true;

        await DispatchAsync();
        Fixture.Clock.Advance(TimeSpan.FromSeconds(30));
        await DispatchAsync();
        var second = Assert.Single(await OutboxAsync());
        Assert.Equal((OutboxStatus.Pending, 2), (second.Status, second.Attempts));
        Assert.Equal(Fixture.Clock.GetUtcNow().AddSeconds(60), second.NextAttemptAt);

        Fixture.Clock.Advance(TimeSpan.FromSeconds(60));
        await DispatchAsync();

        var failed = Assert.Single(await OutboxAsync());
        Assert.Equal((OutboxStatus.Failed, 3), (failed.Status, failed.Attempts));
        Assert.StartsWith("SmtpCommandException: localhost Service not available", failed.LastError, StringComparison.Ordinal);
        Fixture.Clock.Advance(TimeSpan.FromHours(5));
        Assert.Equal(0, await DispatchAsync());
        Assert.Empty(Smtp.Received);
    }

    [Fact]
    public async Task Two_site_hosts_dispatching_the_same_outbox_at_once_deliver_each_message_once()
    {
        await QueueAsync(120);
        await QueueTelegramAsync(3);
        await using var second = new SiteFactory(Fixture.ConnectionString, Smtp);
        second.Settings["Jobs:Outbox"] = "false";
        second.Settings["Outbox:BatchSize"] = "7";
        second.ConfigureTestServices = services => services.AddSingleton<TimeProvider>(Fixture.Clock);
        _ = second.Server;

        async Task RunAsync(IServiceProvider services)
        {
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().Invoke();
        }

        await Task.WhenAll(RunAsync(Fixture.Site.Services), RunAsync(second.Services), RunAsync(Fixture.Site.Services), RunAsync(second.Services));

        Assert.Equal(120, Smtp.Received.Count);
        Assert.Equal(120, Smtp.Received.Select(m => m.Message.Subject).Distinct().Count());
        var outbox = await OutboxAsync();
        Assert.All(outbox.Where(m => m.Channel == NoticeChannel.Email), m => Assert.Equal((OutboxStatus.Sent, 1), (m.Status, m.Attempts)));
        // Neither host can send to Telegram: those were never claimed.
        Assert.All(outbox.Where(m => m.Channel == NoticeChannel.Telegram), m => Assert.Equal((OutboxStatus.Pending, 0), (m.Status, m.Attempts)));
    }

    [Fact]
    public async Task A_notice_for_a_channel_this_instance_cannot_send_stays_pending_for_another_with_the_reason_and_is_never_failed()
    {
        await QueueTelegramAsync(2);
        await QueueAsync(2);

        Assert.Equal(2, await DispatchAsync());
        Fixture.Clock.Advance(TimeSpan.FromHours(5));
        Assert.Equal(0, await DispatchAsync());

        var outbox = await OutboxAsync();
        Assert.All(outbox.Where(m => m.Channel == NoticeChannel.Email), m => Assert.Equal(OutboxStatus.Sent, m.Status));
        var telegram = outbox.Where(m => m.Channel == NoticeChannel.Telegram).ToList();
        Assert.Equal(2, telegram.Count);
        Assert.All(telegram, m =>
        {
            Assert.Equal((OutboxStatus.Pending, 0, (string?)null), (m.Status, m.Attempts, m.ClaimedBy));
            Assert.Equal(BookingFixture.DefaultNow, m.NextAttemptAt);
            Assert.Equal($"No sender for the Telegram channel on {Environment.MachineName}: kept pending for an instance that has one", m.LastError);
        });
        Assert.Equal(2, Smtp.Received.Count);

        var admin = await SignedInAsync(new UserBuilder("boss").InRole(Web.Platform.Data.Roles.Admin));
        var page = await admin.GetAsync("/Admin/Email?status=Pending");
        var row = page.Document.QuerySelector($"[data-testid=outbox-row][data-id='{telegram[0].Id}']")!;
        Assert.Equal(("Telegram", "100000001"), (row.QuerySelector("[data-testid=outbox-channel]")!.TextContent, row.QuerySelector("[data-testid=outbox-to]")!.TextContent));
        Assert.StartsWith("No sender for the Telegram channel", row.QuerySelector("[data-testid=outbox-error]")!.GetAttribute("title"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dedup_key_is_unique_per_channel()
    {
        Assert.Equal(1, await QueueAsync(1, "Напоминание"));
        await DbAsync(db =>
        {
            db.Outbox.Add(new OutboxMessage { Channel = NoticeChannel.Telegram, Kind = NoticeKind.BookingReminder, DedupKey = "test:Напоминание:1", Recipient = "100000001" });
            return db.SaveChangesAsync();
        });

        Assert.Equal(0, await QueueAsync(1, "Напоминание"));
        var again = await Assert.ThrowsAsync<DbUpdateException>(() => DbAsync(db =>
        {
            db.Outbox.Add(new OutboxMessage { Channel = NoticeChannel.Telegram, Kind = NoticeKind.BookingReminder, DedupKey = "test:Напоминание:1", Recipient = "100000001" });
            return db.SaveChangesAsync();
        }));

        Assert.Equal("ux_outbox_channel_dedup_key", Web.Platform.Data.UniqueViolation.Constraint(again));
        Assert.Equal([NoticeChannel.Email, NoticeChannel.Telegram], (await OutboxAsync()).Select(m => m.Channel));
    }

    [Fact]
    public async Task A_claim_left_by_a_dispatcher_that_died_is_taken_over_once_it_expires()
    {
        await QueueAsync(1);
        await DbAsync(db => db.Outbox.ExecuteUpdateAsync(set => set
            .SetProperty(m => m.Status, OutboxStatus.Sending)
            .SetProperty(m => m.ClaimedBy, "dead-instance")
            .SetProperty(m => m.ClaimedUntil, BookingFixture.DefaultNow.AddMinutes(2))));

        Assert.Equal(0, await DispatchAsync());
        Fixture.Clock.Advance(TimeSpan.FromMinutes(3));
        Assert.Equal(1, await DispatchAsync());

        Assert.Equal(OutboxStatus.Sent, Assert.Single(await OutboxAsync()).Status);
        Assert.Single(Smtp.Received);
    }

    [Fact]
    public async Task Queuing_the_same_email_twice_keeps_one()
    {
        Assert.Equal(3, await QueueAsync(3));
        Assert.Equal(0, await QueueAsync(3));
        Assert.Equal(3, (await OutboxAsync()).Count);
    }

    [Fact]
    public async Task The_loser_of_a_booking_race_leaves_no_email_behind()
    {
        var advisor = await AdvisorIdAsync("Морозова");
        var diagnostics = await RepairTypeIdAsync("Диагностика", null);
        var racers = new List<(HtmlClient Client, int CarId, HtmlPage Page)>();
        for (var i = 0; i < 10; i++)
        {
            var (client, carId) = await ClientWithRioAsync($"racer{i}", 100 + i);
            racers.Add((client, carId, await client.GetAsync("/Booking")));
        }

        await Task.WhenAll(racers.Select(r => r.Client.HtmxAsync("/Booking?handler=Book", r.Page, BookForm(Today, "16:00", advisor, r.CarId, diagnostics))));

        var booking = await DbAsync(db => db.Bookings.SingleAsync());
        var queued = Assert.Single(await OutboxAsync());
        Assert.Equal(booking.Id, queued.BookingId);
    }
}
