using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using ServiceBooking.Domain.Common;
using ServiceBooking.Domain.WorkOrders;
using ServiceBooking.Tests.Bookings;
using ServiceBooking.Tests.Infrastructure;
using ServiceBooking.Tests.Infrastructure.Browser;
using ServiceBooking.Tests.WorkOrders;
using ServiceBooking.Web.Modules.Reports;
using ServiceBooking.Web.Platform;
using ServiceBooking.Web.Platform.Data;
using static Microsoft.Playwright.Assertions;

namespace ServiceBooking.Tests.Reports;

/// <summary>
/// Issue 16's journey in the browser: a manager opens the reports from the menu, sees the month's figures with their
/// charts and tables, switches to today (the charts drawn again), is told what is wrong with a backwards period, and
/// downloads yesterday's XLSX from the kept reports; the file holds yesterday's money.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ReportsJourneyTests(BrowserFixture fixture) : IAsyncLifetime
{
    private DateOnly _yesterday;
    private DateOnly _today;

    public async Task InitializeAsync()
    {
        await fixture.ResetAsync();
        await JourneyWorkshop.SeedAsync(fixture);
        var ids = await WorkOrderBrowsers.CreateStaffAsync(fixture, new UserBuilder("misha").WithName("Механиков", "Михаил").InRole(Roles.Mechanic),
            new UserBuilder("sveta").WithName("Старшая", "Светлана").InRole(Roles.Supervisor));
        _yesterday = await fixture.WithScopeAsync(async services =>
        {
            var clock = services.GetRequiredService<WorkshopClock>();
            var db = services.GetRequiredService<ApplicationDbContext>();
            var (mechanic, supervisor) = (ids[0], ids[1]);
            var yesterday = clock.Today.AddDays(-1);
            var noon = clock.ToInstant(yesterday, new TimeOnly(12, 0)).ToUniversalTime();
            var done = WorkOrder.Open(OrderNumber.Create(yesterday.Year, 1), null, "Вчерашний Клиент", "+79160000001", null, null, null, null, supervisor, noon.AddHours(-2));
            done.Assign(mechanic, mechanicOnShift: true, mechanicHasOtherOrder: false, noon.AddHours(-2));
            done.Agree(mechanic, 7500m, noon.AddHours(-1.9));
            done.Approve(supervisor, noon.AddHours(-1.8));
            done.SubmitPrepayment(mechanic, Money.FromRoubles(1000m), noon.AddHours(-1.7));
            done.Approve(supervisor, noon.AddHours(-1.6));
            done.SubmitFinalReport(mechanic, Money.FromRoubles(7500m), Money.FromRoubles(7500m), "contract.png", noon.AddMinutes(-5));
            done.Approve(supervisor, noon);
            var waiting = WorkOrder.Open(OrderNumber.Create(clock.Today.Year, 2), null, "Сегодняшний Клиент", "+79160000002", null, null, null, null, supervisor,
                services.GetRequiredService<TimeProvider>().GetUtcNow().AddMinutes(-1));
            db.WorkOrders.AddRange(done, waiting);
            await db.SaveChangesAsync();
            // The daily job's work for yesterday (the job itself, its time and its once-only rule: DailyReportJobTests).
            await services.GetRequiredService<ReportArchive>().MakeDailyAsync(yesterday, CancellationToken.None);
            _today = clock.Today;
            return yesterday;
        });
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_manager_sees_the_figures_with_charts_and_tables_switches_periods_and_downloads_yesterdays_xlsx()
    {
        var manager = await WorkOrderBrowsers.SignedInAsync(fixture, "marina");
        await manager.GotoAsync("/");
        await manager.GetByTestId("nav-reports").ClickAsync();
        await Expect(manager.GetByTestId("period-month")).ToHaveAttributeAsync("aria-current", "page");
        await Expect(manager.GetByTestId("figure-opened-value")).ToHaveTextAsync(_yesterday.Month == _today.Month ? "2" : "1");

        // The charts are drawn from their tables (Chart.js holds a chart for each canvas); the tables are there to read.
        var statuses = manager.Locator("canvas[data-source=table-statuses]");
        await Expect(statuses).ToHaveAttributeAsync("data-drawn", "");
        Assert.True(await statuses.EvaluateAsync<bool>("c => window.Chart.getChart(c) !== undefined"));
        await Expect(manager.GetByTestId("status-NotAssigned")).ToContainTextAsync("1");

        // Today: only the order opened today; the new summary's charts are drawn again.
        await manager.GetByTestId("period-today").ClickAsync();
        await Expect(manager.GetByTestId("period-today")).ToHaveAttributeAsync("aria-current", "page");
        Assert.Contains("period=Today", manager.Url, StringComparison.OrdinalIgnoreCase);
        await Expect(manager.GetByTestId("figure-opened-value")).ToHaveTextAsync("1");
        await Expect(manager.GetByTestId("figure-done-value")).ToHaveTextAsync("0");
        await Expect(manager.Locator("canvas[data-source=table-statuses]")).ToHaveAttributeAsync("data-drawn", "");
        Assert.True(await manager.Locator("canvas[data-source=table-statuses]").EvaluateAsync<bool>("c => window.Chart.getChart(c) !== undefined"));

        // Yesterday alone, chosen by hand: the order done and its money.
        var day = _yesterday.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await manager.GetByTestId("From").FillAsync(day);
        await manager.GetByTestId("To").FillAsync(_yesterday.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await manager.GetByTestId("period-apply").ClickAsync();
        await Expect(manager.GetByTestId("From-error")).ToHaveTextAsync("Первый день не может быть позже последнего.");
        await manager.GetByTestId("To").FillAsync(day);
        await manager.GetByTestId("period-apply").ClickAsync();
        await Expect(manager.GetByTestId("figure-done-value")).ToHaveTextAsync("1");
        await Expect(manager.GetByTestId("figure-received-value")).ToContainTextAsync("7");

        // Yesterday's XLSX, kept by the daily job.
        await manager.GetByTestId("nav-stored-reports").ClickAsync();
        var row = manager.Locator($"[data-testid=daily-row][data-day='{day}']");
        await Expect(row).ToBeVisibleAsync();
        var download = await manager.RunAndWaitForDownloadAsync(() => row.GetByTestId("daily-download").ClickAsync());
        Assert.Equal($"report-{day}.xlsx", download.SuggestedFilename);
        var path = await download.PathAsync();
        var money = MiniExcel.Query(path!, useHeaderRow: true, sheetName: "Деньги", excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(7500d, Assert.Single(money)["Сумма"]);
    }
}
