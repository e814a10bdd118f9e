using Microsoft.EntityFrameworkCore;
using ServiceBooking.Domain.Bookings;
using ServiceBooking.Tests.Infrastructure;

namespace ServiceBooking.Tests.Bookings;

/// <summary>
/// The advisors and days off the grid shows are kept in memory: changes here show at once, another instance's as soon as
/// the database's notification arrives.
/// </summary>
public sealed class CalendarFactsTests(BookingFixture fixture) : BookingTest<BookingFixture>(fixture)
{
    private static readonly DateOnly Friday = Today.AddDays(3);

    private static string? DayState(HtmlPage page, DateOnly day) =>
        page.Document.QuerySelector($"[data-testid=calendar-day][data-date='{Iso(day)}']")?.GetAttribute("data-state");

    private static string[] Columns(HtmlPage page) =>
        [.. page.Document.QuerySelectorAll("[data-testid=advisor]").Select(a => a.TextContent)];

    [Fact]
    public async Task A_day_off_saved_by_this_site_shows_at_once()
    {
        var (client, _) = await ClientWithRioAsync("ivan");
        Assert.Equal("open", DayState(await client.GetAsync("/Booking"), Friday));

        await DbAsync(db =>
        {
            db.DaysOff.Add(new DayOff(Friday, "Инвентаризация"));
            return db.SaveChangesAsync();
        });

        var page = await client.HtmxAsync($"/Booking?handler=Day&date={Iso(Friday)}");
        Assert.Equal("dayoff", DayState(page, Friday));
        Assert.All(page.Document.QuerySelectorAll("[data-testid=slot]"), cell => Assert.Equal("closed", cell.GetAttribute("data-state")));
    }

    [Fact]
    public async Task A_day_off_saved_by_another_instance_shows_on_notification_and_is_refused_for_booking_at_once()
    {
        var (client, carId) = await ClientWithRioAsync("ivan");
        Assert.Equal("open", DayState(await client.GetAsync("/Booking"), Friday));

        // Written past this site's DbContext, as another instance of the site (or psql) would.
        var volkov = await AdvisorIdAsync("Волков");
        var diagnostics = await RepairTypeIdAsync("Диагностика", null);
        await DbAsync(db => db.Database.ExecuteSqlAsync($"insert into days_off (date, reason) values ({Friday}, null)"));
        var shown = System.Diagnostics.Stopwatch.StartNew();
        var refused = await BookAsync(client, BookForm(Friday, "10:00", volkov, carId, diagnostics));
        while (DayState(await client.GetAsync("/Booking"), Friday) != "dayoff" && shown.Elapsed < TimeSpan.FromSeconds(5))
        {
            await Task.Delay(20);
        }

        Assert.True(refused.Has("booking-refused-message"));
        // Shown within five seconds: half the lifetime calendar facts once had in memory, so only the notification
        // can have done it (how fast it does, milliseconds, is bench/run.sh's to measure).
        Assert.Equal("dayoff", DayState(await client.GetAsync("/Booking"), Friday));
    }

    [Fact]
    public async Task A_deactivated_advisor_leaves_the_grid_at_once_but_stays_on_days_with_bookings()
    {
        var (client, carId) = await ClientWithRioAsync("ivan");
        var volkov = await AdvisorIdAsync("Волков");
        await BookAsync(client, BookForm(Today.AddDays(1), "10:00", volkov, carId, await RepairTypeIdAsync("Диагностика", null)));
        Assert.Contains("Волков Д. С.", Columns(await client.HtmxAsync($"/Booking?handler=Day&date={Iso(Friday)}")));

        await DbAsync(async db =>
        {
            (await db.ServiceAdvisors.SingleAsync(a => a.Id == volkov)).Deactivate();
            return await db.SaveChangesAsync();
        });

        Assert.DoesNotContain("Волков Д. С.", Columns(await client.HtmxAsync($"/Booking?handler=Day&date={Iso(Friday)}")));
        Assert.Contains("Волков Д. С.", Columns(await client.HtmxAsync($"/Booking?handler=Day&date={Iso(Today.AddDays(1))}")));
    }
}
