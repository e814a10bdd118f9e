using System.Net;
using ServiceBooking.Tests.Bookings;
using ServiceBooking.Tests.Infrastructure;
using ServiceBooking.Web.Platform.Data;

namespace ServiceBooking.Tests.Reports;

/// <summary>The reports' pages as a manager uses them: periods, a bad period kept with its message, the lists, the kept reports.</summary>
public sealed class ReportPagesTests(BookingFixture fixture) : ReportsTest(fixture)
{
    private Task<HtmlClient> ManagerAsync() => SignedInAsync(new UserBuilder("boss").WithName("Начальников", "Борис").InRole(Roles.Manager));

    [Fact]
    public async Task The_period_changes_with_htmx_to_the_summary_alone_and_each_figure_links_to_its_rows()
    {
        await KnownDayAsync();
        var manager = await ManagerAsync();

        var month = await manager.GetAsync("/Reports");
        Assert.Equal(HttpStatusCode.OK, month.Status);
        Assert.Equal("С 01.12.2026 по 31.12.2026", month.TestId("report-period"));
        Assert.Equal("page", month.Document.QuerySelector("[data-testid=period-month]")!.GetAttribute("aria-current"));
        Assert.Contains(month.Document.QuerySelectorAll("script[src]").Select(s => s.GetAttribute("src")!), src => src.StartsWith("/lib/chart.js/dist/chart.umd.min.", StringComparison.Ordinal));

        var today = await manager.HtmxAsync("/Reports?period=Today");
        Assert.Null(today.Document.QuerySelector("nav.navbar, header"));
        Assert.Contains("HX-Request", today.Headers.Vary);
        Assert.Equal("С 01.12.2026 по 01.12.2026", today.TestId("report-period"));
        Assert.Equal("3", today.TestId("figure-made-value"));
        Assert.Equal("2", today.TestId("figure-visits-value"));
        Assert.Equal("10 000,00 ₽", today.TestId("figure-received-value")!.Replace('\u00a0', ' '));
        // every chart has its table, and each series column its values
        var canvases = today.Document.QuerySelectorAll("canvas[data-chart]");
        Assert.NotEmpty(canvases);
        Assert.All(canvases, c => Assert.NotNull(today.Document.GetElementById(c.GetAttribute("data-source")!)));
        Assert.All(canvases, c => Assert.False(string.IsNullOrWhiteSpace(c.GetAttribute("aria-label"))));

        var visits = await manager.GetAsync(today.Document.QuerySelector("[data-testid=figure-visits]")!.GetAttribute("href")!);
        Assert.Equal(HttpStatusCode.OK, visits.Status);
        Assert.Equal(2, visits.Document.QuerySelectorAll("[data-testid=list-bookings] [data-testid=list-row]").Length);
        var mechanic = today.Document.QuerySelector("[data-testid=table-mechanics] a")!.GetAttribute("href")!;
        var done = await manager.GetAsync(mechanic);
        Assert.Single(done.Document.QuerySelectorAll("[data-testid=list-orders] [data-testid=list-row]"));
    }

    [Fact]
    public async Task A_custom_period_backwards_or_too_long_is_explained_next_to_its_field_and_keeps_the_days_typed()
    {
        var manager = await ManagerAsync();

        var backwards = await manager.HtmxAsync("/Reports?Period=Custom&From=2026-12-10&To=2026-12-01");
        Assert.Equal(HttpStatusCode.OK, backwards.Status);
        Assert.Equal("Первый день не может быть позже последнего.", backwards.FieldError("From"));
        Assert.Equal(("2026-12-10", "2026-12-01"), (backwards.FieldValue("From"), backwards.FieldValue("To")));
        Assert.False(backwards.Has("report-figures"));

        var tooLong = await manager.GetAsync("/Reports?Period=Custom&From=2020-01-01&To=2026-12-01");
        Assert.Equal("Отчёт охватывает не больше 731 дней.", tooLong.FieldError("To"));

        var unknown = await manager.GetAsync("/Reports?Period=Fortnight");
        Assert.Equal(("С 01.12.2026 по 31.12.2026", "page"), (unknown.TestId("report-period"), unknown.Document.QuerySelector("[data-testid=period-month]")!.GetAttribute("aria-current")));

        var garbled = await manager.GetAsync("/Reports?Period=Custom&From=yesterday&To=2026-12-01");
        Assert.Equal(HttpStatusCode.OK, garbled.Status);
        Assert.NotEmpty(garbled.FieldError("From"));

        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync("/Reports/List?measure=Nothing&from=2026-12-01&to=2026-12-01")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync("/Reports/List?measure=Visits&from=2026-12-02&to=2026-12-01")).Status);
    }

    [Fact]
    public async Task A_report_made_by_hand_is_listed_downloaded_and_deleted_and_a_bad_period_makes_none()
    {
        await KnownDayAsync();
        var manager = await ManagerAsync();
        var page = await manager.GetAsync("/Reports/Daily");
        Assert.True(page.Has("daily-empty"));

        var refused = await manager.SubmitAsync(page, "[data-testid=make-report]", new Dictionary<string, string> { ["Input.From"] = "2026-12-01", ["Input.To"] = "" });
        Assert.Equal("Укажите первый и последний день.", refused.FieldError("From"));
        Assert.Equal("2026-12-01", refused.FieldValue("From"));
        Assert.True(refused.Has("manual-empty"));

        var made = await manager.SubmitAsync(page, "[data-testid=make-report]", new Dictionary<string, string> { ["Input.From"] = "2026-11-30", ["Input.To"] = "2026-12-01" });
        Assert.Equal("Отчёт с 30.11.2026 по 01.12.2026 готов.", made.TestId("status-message"));
        var row = made.Document.QuerySelector("[data-testid=manual-row]")!;
        Assert.Contains("Начальников", row.TextContent);

        using var file = await manager.Http.GetAsync(row.QuerySelector("[data-testid=manual-download]")!.GetAttribute("href"));
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", file.Content.Headers.ContentType!.MediaType);
        Assert.Equal("report-2026-11-30-2026-12-01.xlsx", file.Content.Headers.ContentDisposition!.FileNameStar ?? file.Content.Headers.ContentDisposition.FileName);
        Assert.Equal("PK"u8.ToArray(), (await file.Content.ReadAsByteArrayAsync())[..2]);

        var deleted = await manager.SubmitAsync(made, "[data-testid=manual-row] form");
        Assert.Equal("Отчёт удалён.", deleted.TestId("status-message"));
        Assert.True(deleted.Has("manual-empty"));
        var again = await manager.SubmitAsync(made, "[data-testid=manual-row] form");
        Assert.Equal("Отчёт уже был удалён.", again.TestId("status-message"));
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync("/Reports/Daily?handler=File&id=999999")).Status);
    }
}
