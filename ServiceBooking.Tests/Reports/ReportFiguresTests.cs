using ServiceBooking.Domain.Reports;
using ServiceBooking.Domain.WorkOrders;
using ServiceBooking.Tests.Bookings;
using ServiceBooking.Web.Modules.Reports;

namespace ServiceBooking.Tests.Reports;

/// <summary>Each figure of the summary against the known day of <see cref="ReportsTest"/>, counted by hand; and each figure's list holds the rows it counts.</summary>
public sealed class ReportFiguresTests(BookingFixture fixture) : ReportsTest(fixture)
{
    [Fact]
    public async Task The_days_bookings_money_and_orders_are_counted_as_by_hand()
    {
        var day = await KnownDayAsync();
        var s = await SummaryAsync(ReportPeriod.Of(PeriodKind.Today, Today));

        // made today: ivan's, petr's, anna's (olga's was made the day before); cancelled: petr's; visits today: ivan's and
        // olga's (petr's is cancelled, anna's is tomorrow); taken in: ivan's.
        Assert.Equal(new BookingFigures(Made: 3, Cancelled: 1, Visits: 2, Served: 1), s.Bookings);
        var quoted = await DbAsync(db => Task.FromResult(db.Bookings.Where(b => b.Id == day.Ivan || b.Id == day.Olga).AsEnumerable().Sum(b => b.Quote.Total.Amount)));
        Assert.Equal(quoted, s.Money.Quoted);
        // done today: the taken-in order only (yesterday's closed at 23:50 on 30 November): 10 000 received, 8 500 labour,
        // 1 500 parts, no shop work; and one pick-up invoice of 1 200.
        Assert.Equal(new MoneyFigures(Quoted: quoted, Received: 10000m, OrdersDone: 1, Labour: 8500m, Parts: 1500m, Shop: 0m, PickupsPaid: 1200m, PickupsPaidCount: 1), s.Money);
        Assert.Equal(10000m, s.Money.AverageOrder!.Value.Amount);
        // opened today: the taken-in (done), the caller's in progress, the caller's waiting
        Assert.Equal([(WorkOrderStatus.NotAssigned, 1), (WorkOrderStatus.Assigned, 0), (WorkOrderStatus.InProgress, 1), (WorkOrderStatus.Done, 1), (WorkOrderStatus.Refused, 0)],
            s.OrdersByStatus.Select(o => (o.Status, o.Count)));
        Assert.Equal(3, s.OrdersOpened);
        Assert.Equal([new DayFigures(Today, Made: 3, Visits: 2, Done: 1, Received: 10000m)], s.Days);
    }

    [Fact]
    public async Task Mechanics_are_credited_with_the_norm_hours_of_their_orders_done_over_the_hours_they_held_orders_on_shift()
    {
        var day = await KnownDayAsync();
        var normHours = await NormHoursAsync(day.Ivan);
        Assert.True(normHours > 0);

        var today = await SummaryAsync(ReportPeriod.Of(PeriodKind.Today, Today));

        // mechanic 1: on shift 00:00–00:30 and 08:00–17:00 (9.5 h); held the taken-in order 08:30–11:30 (3 h);
        // mechanic 2: on shift 09:00–18:00 (now, 9 h); holds the caller's order since 10:00 (8 h), nothing done.
        var first = Assert.Single(today.Mechanics, m => m.Id == day.Mechanic1);
        Assert.Equal((1, 10000m, normHours, TimeSpan.FromHours(3), TimeSpan.FromHours(9.5)), (first.Done, first.Received, first.BilledHours, first.Clocked, first.OnShift));
        Assert.Equal(decimal.Round(normHours / 3m, 4), first.Efficiency);
        Assert.Equal(decimal.Round(3m / 9.5m, 4), first.Productivity);
        var second = Assert.Single(today.Mechanics, m => m.Id == day.Mechanic2);
        Assert.Equal((0, 0m, TimeSpan.FromHours(8), TimeSpan.FromHours(9)), (second.Done, second.BilledHours, second.Clocked, second.OnShift));
        Assert.Equal(0m, second.Efficiency);
        Assert.Equal(decimal.Round(8m / 9m, 4), second.Productivity);
        Assert.Equal(["Андреев Пётр", "Борисов Пётр"], today.Mechanics.Select(m => m.Name));

        // Both days: yesterday's order (held 20:00–23:50, on shift 19:00–00:30) adds 3 h 50 min clocked, 5.5 h of shift and 4 000.
        var both = await SummaryAsync(ReportPeriod.Custom(Today.AddDays(-1), Today));
        var twoDays = Assert.Single(both.Mechanics, m => m.Id == day.Mechanic1);
        Assert.Equal((2, 14000m, normHours, new TimeSpan(6, 50, 0), TimeSpan.FromHours(14.5)), (twoDays.Done, twoDays.Received, twoDays.BilledHours, twoDays.Clocked, twoDays.OnShift));
        Assert.Equal(new MoneyFigures(both.Money.Quoted, 14000m, 2, 12500m, 1500m, 0m, 1200m, 1), both.Money);
        Assert.Equal(7000m, both.Money.AverageOrder!.Value.Amount);
        Assert.Equal([(Today.AddDays(-1), 1, 0, 1, 4000m), (Today, 3, 2, 1, 10000m)], both.Days.Select(d => (d.Day, d.Made, d.Visits, d.Done, d.Received)));
    }

    [Fact]
    public async Task Pick_ups_drivers_advisors_and_repair_types_are_counted_as_by_hand()
    {
        var day = await KnownDayAsync();
        var s = await SummaryAsync(ReportPeriod.Of(PeriodKind.Today, Today));

        // in the order of their names
        Assert.Equal([new DistrictFigures(day.North, "Север", 1, 0, 0, 0m), new DistrictFigures(day.Centre, "Центр", Requests: 1, Completed: 1, PaidCount: 1, Paid: 1200m)], s.Districts);
        Assert.Equal([new DriverFigures(day.DriverId, "Водителев Дмитрий", Jobs: 1, AverageCompletion: TimeSpan.FromMinutes(45))], s.Drivers);
        Assert.Equal([(day.Volkov, 1, 1), (day.Sokolova, 1, 0)], s.Advisors.Select(a => (a.Id, a.Visits, a.Served)));
        Assert.Equal(["Волков Дмитрий Сергеевич", "Соколова Марина Андреевна"], s.Advisors.Select(a => a.Name));
        Assert.Equal([("ТО-1", 1, 1), ("Диагностика", 1, 0)], s.RepairTypes.Select(t => (t.Name, t.Visits, t.Served)).OrderBy(t => t.Name == "Диагностика"));
        Assert.Equal(s.Money.Quoted, s.Advisors.Sum(a => a.Quoted));
    }

    [Fact]
    public async Task Each_figure_links_to_a_list_of_exactly_the_rows_it_counts()
    {
        var day = await KnownDayAsync();
        var today = ReportPeriod.Of(PeriodKind.Today, Today);
        var s = await SummaryAsync(today);

        async Task<int[]> Ids(ReportMeasure measure, ReportNarrowing? narrowing = null)
        {
            var list = await ListAsync(measure, today, narrowing);
            var ids = list.Bookings.Select(b => b.Id).Concat(list.Orders.Select(o => o.Id)).Concat(list.Pickups.Select(p => p.Id)).ToArray();
            Assert.Equal(list.Total, ids.Length);
            return ids;
        }

        Assert.Equal(new[] { day.Ivan, day.Petr, day.Anna }.Order(), (await Ids(ReportMeasure.BookingsMade)).Order());
        Assert.Equal([day.Petr], await Ids(ReportMeasure.BookingsCancelled));
        Assert.Equal([day.Ivan, day.Olga], await Ids(ReportMeasure.Visits));
        Assert.Equal([day.Ivan], await Ids(ReportMeasure.VisitsServed));
        Assert.Equal([day.Olga], await Ids(ReportMeasure.Visits, new ReportNarrowing(Advisor: day.Sokolova)));
        Assert.Equal([day.TakenIn, day.CallerInProgress, day.CallerWaiting], await Ids(ReportMeasure.OrdersOpened));
        Assert.Equal([day.CallerWaiting], await Ids(ReportMeasure.OrdersOpened, new ReportNarrowing(Status: WorkOrderStatus.NotAssigned)));
        Assert.Equal([day.TakenIn], await Ids(ReportMeasure.OrdersDone, new ReportNarrowing(Mechanic: day.Mechanic1)));
        Assert.Empty(await Ids(ReportMeasure.OrdersDone, new ReportNarrowing(Mechanic: day.Mechanic2)));
        Assert.Equal(2, (await Ids(ReportMeasure.Pickups)).Length);
        Assert.Single(await Ids(ReportMeasure.Pickups, new ReportNarrowing(District: day.North)));
        Assert.Single(await Ids(ReportMeasure.PickupsPaid));
        Assert.Single(await Ids(ReportMeasure.DriverJobs, new ReportNarrowing(Driver: day.DriverId)));

        // The counts the figures show are the lists' lengths.
        Assert.Equal(s.Bookings.Made, (await ListAsync(ReportMeasure.BookingsMade, today)).Total);
        Assert.Equal(s.Money.OrdersDone, (await ListAsync(ReportMeasure.OrdersDone, today)).Total);
        var done = Assert.Single((await ListAsync(ReportMeasure.OrdersDone, today)).Orders);
        Assert.Equal((10000m, 8500m, "Андреев Пётр"), (done.Received, done.Net, done.Mechanic));
    }
}
