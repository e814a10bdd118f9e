using System.Globalization;
using System.IO.Compression;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using ServiceBooking.Domain.Reports;
using ServiceBooking.Domain.WorkOrders;
using ServiceBooking.Tests.Bookings;
using ServiceBooking.Web.Modules.Reports;

namespace ServiceBooking.Tests.Reports;

/// <summary>The kept XLSX read back: its sheets, real number and date cells, and sums that match the database.</summary>
public sealed class ReportWorkbookTests(BookingFixture fixture) : ReportsTest(fixture)
{
    private Task<byte[]> DailyFileAsync(DateOnly day) => DbAsync(db => db.StoredReports.Where(r => r.Kind == StoredReportKind.Daily && r.From == day).Select(r => r.Content).SingleAsync());

    private static List<IDictionary<string, object?>> Sheet(byte[] file, string name)
    {
        using var stream = new MemoryStream(file);
        return stream.Query(useHeaderRow: true, sheetName: name).Cast<IDictionary<string, object?>>().ToList();
    }

    [Fact]
    public async Task The_daily_workbook_has_the_days_rows_as_numbers_and_dates_and_its_money_adds_up_to_the_databases()
    {
        var day = await KnownDayAsync();
        Assert.True(await ServiceAsync<ReportArchive, bool>(archive => archive.MakeDailyAsync(Today, CancellationToken.None)));
        var file = await DailyFileAsync(Today);

        using (var stream = new MemoryStream(file))
        {
            Assert.Equal(["Сводка", "Записи", "Заказы", "Выезды", "Деньги"], stream.GetSheetNames());
        }

        // Money: the final report of the order done that day and the pick-up invoice paid that day, each as a number.
        var money = Sheet(file, "Деньги");
        Assert.Equal(2, money.Count);
        Assert.All(money, row => Assert.IsType<double>(row["Сумма"]));
        Assert.All(money, row => Assert.IsType<DateTime>(row["Когда получено"]));
        var fromDatabase = await DbAsync(async db =>
        {
            var start = At(1, 0);
            var end = At(2, 0);
            var orders = await db.StageSubmissions
                .Where(s => s.Kind == StageKind.FinalReport && s.State == SubmissionState.Approved
                    && db.WorkOrders.Any(o => o.Id == s.WorkOrderId && o.Status == WorkOrderStatus.Done && o.ClosedAt >= start && o.ClosedAt < end))
                .ToListAsync();
            var pickups = await db.PickupRequests.Where(r => r.PaidAt >= start && r.PaidAt < end).ToListAsync();
            return orders.Sum(s => s.TotalReceived!.Value.Amount) + pickups.Sum(r => r.Price!.Value.Amount);
        });
        Assert.Equal(11200m, fromDatabase);
        Assert.Equal((double)fromDatabase, money.Sum(row => (double)row["Сумма"]!));
        Assert.Equal(new DateTime(2026, 12, 1, 11, 30, 0), money[0]["Когда получено"]);

        // Bookings: every booking for that day, the cancelled one too, in the order of the day, with the visit as a date.
        var bookings = Sheet(file, "Записи");
        Assert.Equal([day.Ivan, day.Petr, day.Olga], bookings.Select(b => (int)(double)b["Запись"]!));
        Assert.Equal(new DateTime(2026, 12, 1, 12, 0, 0), bookings[0]["Визит"]);
        Assert.Equal(["Записан", "Отменена", "Записан"], bookings.Select(b => (string)b["Статус"]!));
        var quoted = await DbAsync(db => Task.FromResult(db.Bookings.Where(b => b.Date == Today).AsEnumerable().Sum(b => b.Quote.Total.Amount)));
        Assert.Equal((double)quoted, bookings.Sum(b => (double)b["По смете"]!));

        // Orders opened or closed that day: the three opened (yesterday's closed before midnight).
        var orders = Sheet(file, "Заказы");
        Assert.Equal(3, orders.Count);
        Assert.Equal(10000d, Assert.Single(orders, o => o["Статус"] as string == "Выполнен")["Получено"]);

        // The summary sheet holds the figures the page shows.
        var summary = Sheet(file, "Сводка").ToDictionary(r => (string)r["Показатель"]!, r => r["Значение"]);
        Assert.Equal(3d, summary["Записей сделано"]);
        Assert.Equal(10000d, summary["Получено за заказы"]);
        Assert.Equal(new DateTime(2026, 12, 1), summary["Первый день"]);

        // In the file itself: the sums are numeric cells (no shared or inline string), the instants carry a date style.
        using var zip = new ZipArchive(new MemoryStream(file));
        var sheets = XDocument.Load(zip.GetEntry("xl/workbook.xml")!.Open());
        XNamespace main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        Assert.Equal(5, sheets.Descendants(main + "sheet").Count());
        var moneySheet = XDocument.Load(zip.Entries.Single(e => e.FullName == "xl/worksheets/sheet5.xml").Open());
        var sumCells = moneySheet.Descendants(main + "row").Skip(1).Select(r => r.Elements(main + "c").Last()).ToList();
        Assert.All(sumCells, c => Assert.True(c.Attribute("t") is null || c.Attribute("t")!.Value == "n", c.ToString()));
        Assert.Equal(["10000", "1200"], sumCells.Select(c => decimal.Parse(c.Element(main + "v")!.Value, CultureInfo.InvariantCulture).ToString("0", CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task A_report_made_by_hand_is_in_the_makers_language_and_covers_its_period()
    {
        await KnownDayAsync();
        var manager = await StaffAsync("boss", ServiceBooking.Web.Platform.Data.Roles.Manager);
        var id = await ServiceAsync<ReportArchive, int>(archive =>
            archive.MakeManualAsync(ReportPeriod.Custom(Today.AddDays(-1), Today), manager, CultureInfo.GetCultureInfo("en-GB"), CancellationToken.None));
        var file = await ServiceAsync<ReportArchive, (byte[] Content, string FileName)?>(archive => archive.FileAsync(id, CancellationToken.None));

        Assert.Equal("report-2026-11-30-2026-12-01.xlsx", file!.Value.FileName);
        using (var stream = new MemoryStream(file.Value.Content))
        {
            Assert.Equal(["Summary", "Bookings", "Work orders", "Pick-ups", "Money"], stream.GetSheetNames());
        }

        // both days: yesterday's 4 000 and today's 10 000 and 1 200
        Assert.Equal(15200d, Sheet(file.Value.Content, "Money").Sum(r => (double)r["Sum"]!));
    }
}
