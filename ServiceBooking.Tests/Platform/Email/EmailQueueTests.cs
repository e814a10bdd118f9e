using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using ServiceBooking.Tests.Infrastructure;
using ServiceBooking.Web;
using ServiceBooking.Web.Platform.Data;
using ServiceBooking.Web.Platform.Email;
using ServiceBooking.Web.Platform.Localization;
using ServiceBooking.Web.Platform.Notifications;

namespace ServiceBooking.Tests.Platform.Email;

/// <summary>
/// The site without the outbox job (nothing is sent unless a test runs the dispatcher), with a clock the tests hold:
/// 10 March 2026, 09:05 UTC (12:05 in Moscow).
/// </summary>
public sealed class EmailPageFixture : SiteFixture
{
    public static readonly DateTimeOffset Now = new(2026, 3, 10, 9, 5, 0, TimeSpan.Zero);

    public TestClock Clock { get; } = new(Now);

    protected override void Configure(SiteFactory site)
    {
        site.Settings["Jobs:Outbox"] = "false";
        site.Settings["ServiceCentre:TimeZone"] = "Europe/Moscow";
        site.ConfigureTestServices = services => services.AddSingleton<TimeProvider>(Clock);
    }
}

public sealed class EmailQueueTests(EmailPageFixture fixture) : SiteTest<EmailPageFixture>(fixture)
{
    private static readonly DateTimeOffset Now = EmailPageFixture.Now;

    public override Task InitializeAsync()
    {
        Fixture.Clock.SetUtcNow(Now);
        return base.InitializeAsync();
    }

    private Task<HtmlClient> AdminAsync() => SignedInAsync(new UserBuilder("boss").InRole(Roles.Admin));

    private static string Row(long id) => $"[data-testid=outbox-row][data-id='{id}']";

    private static OutboxMessage Message(
        string to, OutboxStatus status, DateTimeOffset created, NoticeKind kind = NoticeKind.BookingConfirmation, string? error = null) => new()
        {
            Kind = kind,
            DedupKey = $"test:{Guid.NewGuid():N}",
            Recipient = to,
            RecipientName = "Иван Петров",
            Subject = $"Письмо для {to}",
            HtmlBody = "<p>Ждём вас</p>",
            TextBody = "Ждём вас",
            Status = status,
            Attempts = status switch { OutboxStatus.Failed => 8, OutboxStatus.Sent => 1, _ => 0 },
            NextAttemptAt = created,
            CreatedAt = created,
            SentAt = status == OutboxStatus.Sent ? created.AddMinutes(1) : null,
            LastError = error,
        };

    private Task<long[]> AddAsync(params OutboxMessage[] messages) => WithServicesAsync(async services =>
    {
        var db = services.GetRequiredService<ApplicationDbContext>();
        db.Outbox.AddRange(messages);
        await db.SaveChangesAsync();
        return messages.Select(m => m.Id).ToArray();
    });

    private Task<OutboxMessage> FindAsync(long id) => WithServicesAsync(services =>
        services.GetRequiredService<ApplicationDbContext>().Outbox.AsNoTracking().SingleAsync(m => m.Id == id));

    private static List<long> Ids(HtmlPage page) =>
        [.. page.Document.QuerySelectorAll("[data-testid=outbox-row]").Select(r => long.Parse(r.GetAttribute("data-id")!, CultureInfo.InvariantCulture))];

    private static string Cell(HtmlPage page, long id, string testId) =>
        page.Document.QuerySelector($"{Row(id)} [data-testid={testId}]")?.TextContent.Trim() ?? string.Empty;

    [Fact]
    public async Task Clients_and_managers_are_forbidden_the_email_page()
    {
        var client = await SignedInAsync(new UserBuilder("ivan"));
        var manager = await SignedInAsync(new UserBuilder("anna").InRole(Roles.Manager));

        Assert.Equal(HttpStatusCode.Forbidden, (await manager.GetAsync("/Admin/Email")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/Admin/Email")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.PostRawAsync("/Admin/Email?handler=Retry", new Dictionary<string, string> { ["id"] = "1" })).StatusCode);
    }

    [Fact]
    public async Task The_admin_menu_leads_to_the_email_page()
    {
        var admin = await AdminAsync();

        var home = await admin.GetAsync("/Admin");
        var link = home.Document.QuerySelectorAll("[data-testid=admin-nav] a").Single(a => a.GetAttribute("href") == "/Admin/Email");
        var page = await admin.GetAsync(link.GetAttribute("href")!);

        Assert.Equal("Почта", link.TextContent.Trim());
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("active", page.Document.QuerySelector("[data-testid=admin-nav] a[href='/Admin/Email']")!.ClassList);
    }

    [Fact]
    public async Task The_list_shows_queued_emails_newest_first_with_their_status_and_facts()
    {
        var longError = "SmtpCommandException: 550 Mailbox unavailable " + new string('x', 300);
        var ids = await AddAsync(
            Message("sent@example.ru", OutboxStatus.Sent, Now.AddHours(-3), NoticeKind.BookingReminder),
            Message("failed@example.ru", OutboxStatus.Failed, Now.AddHours(-2), NoticeKind.Campaign, longError));
        var (sentId, failedId) = (ids[0], ids[1]);
        // The newest goes through the product's own way into the queue.
        var pendingId = await WithServicesAsync(async services =>
        {
            var message = services.GetRequiredService<OutboxWriter>().Add(new OutboxEntry(
                new EmailMessage("new@example.ru", "Мария", "Восстановление пароля", "<p>html</p>", "text"), NoticeKind.PasswordReset, "test:reset"));
            await services.GetRequiredService<ApplicationDbContext>().SaveChangesAsync();
            return message.Id;
        });
        var admin = await AdminAsync();

        var page = await admin.GetAsync("/Admin/Email");

        Assert.Equal([pendingId, failedId, sentId], Ids(page));
        Assert.Equal(
            new[] { "Pending", "Failed", "Sent" },
            page.Document.QuerySelectorAll("[data-testid=outbox-row] [data-testid=outbox-status]").Select(b => b.GetAttribute("data-status")!));
        Assert.Equal("Ошибка", Cell(page, failedId, "outbox-status"));
        Assert.Contains("text-bg-danger", page.Document.QuerySelector($"{Row(failedId)} [data-testid=outbox-status]")!.ClassList);
        Assert.Equal(("Восстановление пароля", "Рекламная рассылка", "Напоминание о визите"),
            (Cell(page, pendingId, "outbox-kind"), Cell(page, failedId, "outbox-kind"), Cell(page, sentId, "outbox-kind")));
        Assert.Equal("new@example.ru", Cell(page, pendingId, "outbox-to"));

        // Times are the service centre's (Moscow, UTC+3); the next attempt only for what waits, the sending time only for what went.
        Assert.Equal("10.03.2026 12:05", Cell(page, pendingId, "outbox-created"));
        Assert.Equal("10.03.2026 12:05", Cell(page, pendingId, "outbox-next"));
        Assert.Equal(string.Empty, Cell(page, pendingId, "outbox-sent"));
        Assert.Equal("10.03.2026 09:05", Cell(page, sentId, "outbox-created"));
        Assert.Equal("10.03.2026 09:06", Cell(page, sentId, "outbox-sent"));
        Assert.Equal(string.Empty, Cell(page, sentId, "outbox-next"));
        Assert.Equal(string.Empty, Cell(page, failedId, "outbox-next"));
        Assert.Equal("8", Cell(page, failedId, "outbox-attempts"));

        // A long error is cut in the list and kept whole in the title.
        var error = page.Document.QuerySelector($"{Row(failedId)} [data-testid=outbox-error]")!;
        Assert.Equal(longError, error.GetAttribute("title"));
        Assert.StartsWith("SmtpCommandException: 550 Mailbox unavailable", error.TextContent.Trim(), StringComparison.Ordinal);
        Assert.True(error.TextContent.Trim().Length <= 80);

        // Only the failed email can be sent again.
        Assert.NotNull(page.Document.QuerySelector($"{Row(failedId)} form[data-testid=outbox-retry]"));
        Assert.Single(page.Document.QuerySelectorAll("form[data-testid=outbox-retry]"));

        Assert.Equal(("1", "0", "1", "1", "0"), (page.TestId("outbox-count-Pending"), page.TestId("outbox-count-Sending"),
            page.TestId("outbox-count-Sent"), page.TestId("outbox-count-Failed"), page.TestId("outbox-count-Dropped")));
    }

    [Fact]
    public async Task The_status_filter_is_a_plain_get_form_and_shows_only_that_status()
    {
        var ids = await AddAsync(
            Message("a@example.ru", OutboxStatus.Failed, Now.AddMinutes(-30), error: "IOException: connection reset"),
            Message("b@example.ru", OutboxStatus.Sent, Now.AddMinutes(-20)),
            Message("c@example.ru", OutboxStatus.Dropped, Now.AddMinutes(-10)),
            Message("d@example.ru", OutboxStatus.Failed, Now.AddMinutes(-5), error: "IOException: connection reset"));
        var admin = await AdminAsync();
        var all = await admin.GetAsync("/Admin/Email");

        var form = all.Document.QuerySelector("form[data-testid=outbox-filter]")!;
        Assert.Equal("get", form.GetAttribute("method"));
        Assert.NotNull(form.QuerySelector("select[name=status] option[value=Failed]"));
        var failed = await admin.GetAsync($"{form.GetAttribute("action")}?status=Failed");

        Assert.Equal([ids[3], ids[0]], Ids(failed));
        Assert.Equal("Failed", failed.Document.QuerySelector("select[name=status] option[selected]")!.GetAttribute("value"));
        Assert.Equal([ids[2]], Ids(await admin.GetAsync("/Admin/Email?status=Dropped")));
        Assert.Empty(Ids(await admin.GetAsync("/Admin/Email?status=Sending")));
        Assert.Equal(4, Ids(await admin.GetAsync("/Admin/Email?status=")).Count);
        // The counts at the top are of the whole outbox, whatever the filter.
        Assert.Equal("1", failed.TestId("outbox-count-Sent"));
    }

    [Fact]
    public async Task The_list_has_fifty_emails_a_page_and_the_pager_keeps_the_filter()
    {
        var failed = Enumerable.Range(1, 51)
            .Select(i => Message($"client{i}@example.ru", OutboxStatus.Failed, Now.AddMinutes(-i), error: "IOException: connection reset"));
        var ids = await AddAsync([.. failed, Message("sent@example.ru", OutboxStatus.Sent, Now)]);
        var admin = await AdminAsync();

        var first = await admin.GetAsync("/Admin/Email?status=Failed");
        var next = first.Document.QuerySelector("[data-testid=outbox-next-page]")!.GetAttribute("href")!;
        var second = await admin.GetAsync(next);

        Assert.Equal(ids[..50], Ids(first));
        Assert.Equal([ids[50]], Ids(second));
        Assert.Equal("Страница 2 из 2", second.TestId("outbox-page"));
        Assert.Null(second.Document.QuerySelector("[data-testid=outbox-next-page]"));
        Assert.Equal(2, Ids(await admin.GetAsync("/Admin/Email?p=2")).Count);
    }

    [Fact]
    public async Task Retrying_a_failed_email_queues_it_at_once_and_the_dispatcher_then_delivers_it()
    {
        var id = (await AddAsync(Message("ivan@example.ru", OutboxStatus.Failed, Now.AddHours(-5), error: "SocketException: Connection refused")))[0];
        var admin = await AdminAsync();
        var list = await admin.GetAsync("/Admin/Email?status=Failed");
        Fixture.Clock.Advance(TimeSpan.FromMinutes(3));

        var page = await admin.SubmitAsync(list, $"{Row(id)} form[data-testid=outbox-retry]");

        var queued = await FindAsync(id);
        Assert.Equal((OutboxStatus.Pending, 0, Now.AddMinutes(3)), (queued.Status, queued.Attempts, queued.NextAttemptAt));
        Assert.Equal("SocketException: Connection refused", queued.LastError);
        Assert.Contains("ivan@example.ru", page.TestId("status-message"), StringComparison.Ordinal);
        Assert.Equal("/Admin/Email?status=Failed", page.Url.PathAndQuery);
        Assert.Empty(Ids(page));
        Assert.Empty(Smtp.Received);

        var claimed = await WithServicesAsync(services => services.GetRequiredService<OutboxDispatcher>().DispatchBatchAsync(CancellationToken.None));

        Assert.Equal(1, claimed);
        var mail = await Smtp.WaitForAsync("ivan@example.ru");
        Assert.Equal("Письмо для ivan@example.ru", mail.Message.Subject);
        var sent = await FindAsync(id);
        Assert.Equal((OutboxStatus.Sent, 1, Now.AddMinutes(3)), (sent.Status, sent.Attempts, sent.SentAt));
        Assert.Equal("10.03.2026 12:08", Cell(await admin.GetAsync("/Admin/Email"), id, "outbox-sent"));
    }

    [Fact]
    public async Task Retrying_an_unknown_email_is_a_404()
    {
        var id = (await AddAsync(Message("ivan@example.ru", OutboxStatus.Failed, Now, error: "IOException: reset")))[0];
        var admin = await AdminAsync();

        var page = await admin.SubmitAsync(await admin.GetAsync("/Admin/Email"), $"{Row(id)} form[data-testid=outbox-retry]",
            new Dictionary<string, string> { ["id"] = "999999" });

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Equal(OutboxStatus.Failed, (await FindAsync(id)).Status);
    }

    [Fact]
    public async Task Retrying_an_email_that_went_out_meanwhile_says_so_and_changes_nothing()
    {
        var id = (await AddAsync(Message("ivan@example.ru", OutboxStatus.Failed, Now.AddHours(-1), error: "IOException: reset")))[0];
        var admin = await AdminAsync();
        var list = await admin.GetAsync("/Admin/Email");
        // Another admin retried it and it has been delivered since this page was shown.
        var sentAt = Now.AddMinutes(-1);
        await WithServicesAsync(services => services.GetRequiredService<ApplicationDbContext>().Outbox.Where(m => m.Id == id)
            .ExecuteUpdateAsync(set => set.SetProperty(m => m.Status, OutboxStatus.Sent).SetProperty(m => m.Attempts, 1).SetProperty(m => m.SentAt, sentAt)));
        var before = await FindAsync(id);

        var page = await admin.SubmitAsync(list, $"{Row(id)} form[data-testid=outbox-retry]");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("«Отправлено»", page.TestId("error-message"), StringComparison.Ordinal);
        Assert.Null(page.TestId("status-message"));
        var after = await FindAsync(id);
        Assert.Equal((before.Status, before.Attempts, before.NextAttemptAt, before.SentAt, before.LastError),
            (after.Status, after.Attempts, after.NextAttemptAt, after.SentAt, after.LastError));
        Assert.Null(page.Document.QuerySelector($"{Row(id)} form[data-testid=outbox-retry]"));
    }

    [Theory]
    [InlineData("ru-RU")]
    [InlineData("en-GB")]
    public async Task Every_kind_and_status_has_a_name_in_each_language(string culture)
    {
        var missing = await WithServicesAsync(services =>
        {
            var text = services.GetRequiredService<IStringLocalizer<SharedResource>>();
            using var _ = new CultureScope(CultureInfo.GetCultureInfo(culture));
            var keys = Enum.GetValues<NoticeKind>().Select(Web.Platform.Pages.Admin.Email.Index.KindKey)
                .Concat(Enum.GetValues<OutboxStatus>().Select(Web.Platform.Pages.Admin.Email.Index.StatusKey));
            return Task.FromResult(keys.Where(key => text[key].ResourceNotFound).ToList());
        });

        Assert.Empty(missing);
    }
}
