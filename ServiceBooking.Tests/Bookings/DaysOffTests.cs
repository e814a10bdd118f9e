using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using ServiceBooking.Domain.Bookings;
using ServiceBooking.Tests.Infrastructure;
using ServiceBooking.Web.Platform.Data;

namespace ServiceBooking.Tests.Bookings;

/// <summary>
/// The clock stands at 22:30 UTC, when it is already 01:30 of the next day in Moscow: "today" for the page is the
/// service centre's date, one day after the UTC date.
/// </summary>
public sealed class DaysOffFixture : SiteFixture
{
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(DateTime.UtcNow.Date.AddHours(22.5), TimeSpan.Zero));

    public DateOnly Today => DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime).AddDays(1);

    protected override void Configure(SiteFactory site)
    {
        site.Settings["ServiceCentre:TimeZone"] = "Europe/Moscow";
        site.ConfigureTestServices = services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        };
    }
}

public sealed class DaysOffTests(DaysOffFixture fixture) : SiteTest<DaysOffFixture>(fixture)
{
    private static readonly CultureInfo Russian = CultureInfo.GetCultureInfo("ru-RU");

    private DateOnly Today => Fixture.Today;

    private static string Typed(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Shown(DateOnly date) => date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

    private Task<HtmlClient> AdminAsync() => SignedInAsync(new UserBuilder("boss").InRole(Roles.Admin));

    private Task<List<DayOff>> DaysAsync() => WithServicesAsync(services =>
        services.GetRequiredService<ApplicationDbContext>().DaysOff.AsNoTracking().OrderBy(d => d.Date).ToListAsync());

    private Task<int> AddDaysAsync(params DateOnly[] dates) => WithServicesAsync(async services =>
    {
        var db = services.GetRequiredService<ApplicationDbContext>();
        db.DaysOff.AddRange(dates.Select(d => new DayOff(d, null)));
        return await db.SaveChangesAsync();
    });

    private static List<string> ListedDates(HtmlPage page) =>
        [.. page.Document.QuerySelectorAll("[data-testid=dayoff-date]").Select(e => e.TextContent.Trim())];

    [Fact]
    public async Task An_admin_marks_a_day_off_and_sees_it_with_its_day_of_the_week()
    {
        var admin = await AdminAsync();
        var date = Today.AddDays(10);

        var page = await admin.SubmitAsync(await admin.GetAsync("/Admin/DaysOff"), "[data-testid=dayoff-form]", new Dictionary<string, string>
        {
            ["Input.Date"] = Typed(date),
            ["Input.Reason"] = "Инвентаризация",
        });

        Assert.Equal("/Admin/DaysOff", page.Url.AbsolutePath);
        Assert.Equal($"{Shown(date)} теперь выходной.", page.TestId("status-message"));
        Assert.Equal(Shown(date), page.TestId("dayoff-date"));
        Assert.Equal(date.ToString("dddd", Russian), page.TestId("dayoff-weekday"));
        Assert.Equal("Инвентаризация", page.TestId("dayoff-reason"));
        var day = Assert.Single(await DaysAsync());
        Assert.Equal((date, "Инвентаризация"), (day.Date, day.Reason));
    }

    [Fact]
    public async Task A_past_date_is_refused_by_the_service_centres_calendar_and_today_is_accepted()
    {
        var admin = await AdminAsync();
        var form = await admin.GetAsync("/Admin/DaysOff");
        // Still "today" in UTC, but already yesterday in Moscow.
        var yesterday = Today.AddDays(-1);

        var refused = await admin.SubmitAsync(form, "[data-testid=dayoff-form]", new Dictionary<string, string> { ["Input.Date"] = Typed(yesterday) });
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Equal($"Эта дата уже прошла; выберите сегодняшнюю ({Shown(Today)}) или более позднюю.", refused.FieldError("Date"));
        Assert.Equal(Typed(yesterday), refused.FieldValue("Date"));
        Assert.Empty(await DaysAsync());

        var accepted = await admin.SubmitAsync(refused, "[data-testid=dayoff-form]", new Dictionary<string, string> { ["Input.Date"] = Typed(Today) });
        Assert.Equal(string.Empty, accepted.FieldError("Date"));
        Assert.Equal(Today, Assert.Single(await DaysAsync()).Date);
    }

    [Fact]
    public async Task A_day_already_marked_is_refused_at_the_date()
    {
        var date = Today.AddDays(3);
        await AddDaysAsync(date);
        var admin = await AdminAsync();

        var page = await admin.SubmitAsync(await admin.GetAsync("/Admin/DaysOff"), "[data-testid=dayoff-form]", new Dictionary<string, string>
        {
            ["Input.Date"] = Typed(date),
            ["Input.Reason"] = "Праздник",
        });

        Assert.Equal($"{Shown(date)} уже отмечен как выходной.", page.FieldError("Date"));
        Assert.Equal("Праздник", page.FieldValue("Reason"));
        Assert.Single(await DaysAsync());
    }

    [Fact]
    public async Task A_missing_date_and_a_long_reason_are_shown_at_their_fields()
    {
        var admin = await AdminAsync();

        var page = await admin.SubmitAsync(await admin.GetAsync("/Admin/DaysOff"), "[data-testid=dayoff-form]", new Dictionary<string, string>
        {
            ["Input.Date"] = string.Empty,
        });
        var second = await admin.SubmitAsync(page, "[data-testid=dayoff-form]", new Dictionary<string, string>
        {
            ["Input.Date"] = Typed(Today.AddDays(1)),
            ["Input.Reason"] = new string('я', 201),
        });

        Assert.Equal("Заполните поле «Дата».", page.FieldError("Date"));
        Assert.Equal("Причина не длиннее 200 символов.", second.FieldError("Reason"));
        Assert.Empty(await DaysAsync());
    }

    [Fact]
    public async Task Days_off_are_listed_in_date_order_from_today_and_past_ones_on_demand()
    {
        await AddDaysAsync(Today.AddDays(20), Today.AddDays(-5), Today, Today.AddDays(3));
        var admin = await AdminAsync();

        var upcoming = await admin.GetAsync("/Admin/DaysOff");
        var all = await admin.GetAsync(upcoming.Document.QuerySelector("[data-testid=dayoff-toggle-past]")!.GetAttribute("href")!);

        Assert.Equal([Shown(Today), Shown(Today.AddDays(3)), Shown(Today.AddDays(20))], ListedDates(upcoming));
        Assert.Equal([Shown(Today.AddDays(-5)), Shown(Today), Shown(Today.AddDays(3)), Shown(Today.AddDays(20))], ListedDates(all));
    }

    [Fact]
    public async Task Deleting_a_day_off_makes_it_a_working_day_again()
    {
        var date = Today.AddDays(7);
        await AddDaysAsync(date, Today.AddDays(8));
        var admin = await AdminAsync();
        var id = (await DaysAsync()).Single(d => d.Date == date).Id;

        var page = await admin.SubmitAsync(await admin.GetAsync("/Admin/DaysOff"), $"form[action='/Admin/DaysOff?id={id}&handler=Delete']");

        Assert.Equal($"{Shown(date)} снова рабочий день.", page.TestId("status-message"));
        Assert.Equal([Shown(Today.AddDays(8))], ListedDates(page));
        Assert.Equal(Today.AddDays(8), Assert.Single(await DaysAsync()).Date);
    }

    [Fact]
    public async Task Deleting_a_day_off_someone_else_deleted_is_a_404()
    {
        await AddDaysAsync(Today.AddDays(7));
        var admin = await AdminAsync();
        var id = Assert.Single(await DaysAsync()).Id;
        var list = await admin.GetAsync("/Admin/DaysOff");
        await WithServicesAsync(services => services.GetRequiredService<ApplicationDbContext>().DaysOff.ExecuteDeleteAsync());

        var page = await admin.SubmitAsync(list, $"form[action='/Admin/DaysOff?id={id}&handler=Delete']");

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
    }

    [Fact]
    public async Task Ten_admins_marking_the_same_day_at_once_make_one_day_off_and_no_server_error()
    {
        var date = Today.AddDays(5);
        var admins = new List<HtmlClient> { await AdminAsync() };
        for (var i = 1; i < 10; i++)
        {
            admins.Add(await SignInAsync(new UserBuilder("boss")));
        }

        var forms = await Task.WhenAll(admins.Select(a => a.GetAsync("/Admin/DaysOff")));
        var pages = await Task.WhenAll(admins.Select((a, i) =>
            a.SubmitAsync(forms[i], "[data-testid=dayoff-form]", new Dictionary<string, string> { ["Input.Date"] = Typed(date) })));

        Assert.All(pages, p => Assert.Equal(HttpStatusCode.OK, p.Status));
        Assert.Single(pages, p => p.TestId("status-message") == $"{Shown(date)} теперь выходной.");
        Assert.All(pages.Where(p => !p.Has("status-message")), p => Assert.Equal($"{Shown(date)} уже отмечен как выходной.", p.FieldError("Date")));
        Assert.Equal(date, Assert.Single(await DaysAsync()).Date);
    }
}
