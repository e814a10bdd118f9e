using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServiceBooking.Domain.Common;
using ServiceBooking.Domain.Pickups;
using ServiceBooking.Domain.Reports;
using ServiceBooking.Domain.WorkOrders;
using ServiceBooking.Tests.Bookings;
using ServiceBooking.Tests.Infrastructure;
using ServiceBooking.Tests.WorkOrders;
using ServiceBooking.Web.Modules.Bookings;
using ServiceBooking.Web.Modules.Reports;
using ServiceBooking.Web.Platform.Data;

namespace ServiceBooking.Tests.Reports;

/// <summary>
/// A small, known day of the workshop for the reports to count (1 December 2026 in Moscow, UTC+3), made with the
/// product's own services and the Domain's methods at the instants given:
/// <list type="bullet">
/// <item>bookings: ivan's at 12:00 (Волков, ТО-1, made 09:10) and olga's at 15:00 (Соколова, Диагностика, made the day
/// before at 10:00) are the day's visits; petr's at 14:00 (made 09:10, cancelled 09:40); anna's for tomorrow (made 09:20);</item>
/// <item>orders: ivan's car taken in, given to mechanic 1 at 08:30, parts 1 500 ₽, final report of 10 000 ₽ (net 8 500)
/// approved at 11:30; a caller's order given to mechanic 2 at 10:00, in progress; a caller's order not given to anyone;
/// and mechanic 1's order of the day before, 4 000 ₽ approved at 23:50;</item>
/// <item>shifts: mechanic 1 from 19:00 the day before to 00:30, and 08:00–17:00; mechanic 2 from 09:00, still on;</item>
/// <item>pick-ups: ivan's in Центр, given to the driver at 10:00, completed 10:45, paid 1 200 ₽ at 12:00; one in Север
/// still under review;</item>
/// <item>now: 18:00.</item>
/// </list>
/// </summary>
public abstract class ReportsTest(BookingFixture fixture) : WorkOrdersTest(fixture)
{
    protected static readonly TimeSpan Moscow = TimeSpan.FromHours(3);

    protected static DateTimeOffset At(int day, int hour, int minute = 0) => new DateTimeOffset(2026, day == 30 ? 11 : 12, day, hour, minute, 0, Moscow).ToUniversalTime();

    protected sealed record Day(
        string Mechanic1, string Mechanic2, string DriverId, int Ivan, int Olga, int Petr, int Anna, int TakenIn, int CallerInProgress, int CallerWaiting,
        int Yesterday, int Centre, int North, int Volkov, int Sokolova);

    protected async Task<Day> KnownDayAsync()
    {
        var mechanic1 = await StaffAsync("mech1", Roles.Mechanic, "Андреев");
        var mechanic2 = await StaffAsync("mech2", Roles.Mechanic, "Борисов");
        var supervisor = await StaffAsync("super", Roles.Supervisor, "Власов");
        var driver = (await CreateUserAsync(new UserBuilder("drv").WithName("Водителев", "Дмитрий").InRole(Roles.Driver))).Id;
        var volkov = await AdvisorIdAsync("Волков");
        var sokolova = await AdvisorIdAsync("Соколова");

        async Task<(string Id, int Car)> ClientAsync(string nickname, string last, int number) =>
            ((await CreateUserAsync(new UserBuilder(nickname).WithName(last, "Клиент").WithPhone($"+7900000000{number}"))).Id,
                await AddCarAsync(nickname, "Kia Rio (IV)", $"Z94C241BBJR{number:D6}", $"В{number:D3}ОР77"));

        async Task<int> BookAsync((string Id, int Car) client, DateOnly date, int hour, int advisor, string work, DateTimeOffset at)
        {
            Fixture.Clock.SetUtcNow(at);
            var type = await RepairTypeIdAsync(work, work == "ТО-1" ? "Kia Rio (IV)" : null);
            var booked = await ServiceAsync<BookingDesk, BookingOutcome>(desk =>
                desk.BookAsync(new BookingDraft(date, new TimeOnly(hour, 0), advisor, client.Car, type, client.Id, client.Id), CancellationToken.None));
            Assert.True(booked.Succeeded, booked.Refusal?.Code);
            return booked.Booking!.Id;
        }

        var ivan = await ClientAsync("ivan", "Иванов", 1);
        var olga = await ClientAsync("olga", "Ольгина", 2);
        var petr = await ClientAsync("petr", "Петров", 3);
        var anna = await ClientAsync("anna", "Аннина", 4);
        var olgaBooking = await BookAsync(olga, Today, 15, sokolova, "Диагностика", At(30, 10));
        var ivanBooking = await BookAsync(ivan, Today, 12, volkov, "ТО-1", At(1, 9, 10));
        var petrBooking = await BookAsync(petr, Today, 14, volkov, "Диагностика", At(1, 9, 10));
        var annaBooking = await BookAsync(anna, Today.AddDays(1), 10, volkov, "ТО-1", At(1, 9, 20));
        Fixture.Clock.SetUtcNow(At(1, 9, 40));
        Assert.NotNull(await ServiceAsync<BookingDesk, BookingOutcome?>(desk => desk.CancelByClientAsync(petrBooking, petr.Id, CancellationToken.None)));

        var ids = await DbAsync(async db =>
        {
            var sequence = 1;
            WorkOrder Open(string name, int? car, int? booking, string? client, DateTimeOffset at) =>
                WorkOrder.Open(OrderNumber.Create(2026, sequence++), client, name, "+79000000001", null, null, car, booking, supervisor, at);
            void Through(WorkOrder order, string mechanic, decimal total, decimal parts, DateTimeOffset assigned, DateTimeOffset closed)
            {
                order.Assign(mechanic, mechanicOnShift: true, mechanicHasOtherOrder: false, assigned);
                order.Agree(mechanic, total, assigned.AddMinutes(5));
                order.Approve(supervisor, assigned.AddMinutes(6));
                order.SubmitPrepayment(mechanic, Money.FromRoubles(1000m), assigned.AddMinutes(7));
                order.Approve(supervisor, assigned.AddMinutes(8));
                if (parts > 0)
                {
                    order.SubmitExpenses(mechanic, [ExpenseLine.Create(ExpenseKind.Parts, "Колодки", Money.FromRoubles(parts), "receipt.png")], assigned.AddMinutes(9));
                    order.Approve(supervisor, assigned.AddMinutes(10));
                }

                order.SubmitFinalReport(mechanic, Money.FromRoubles(total), Money.FromRoubles(total - parts), "contract.png", closed.AddMinutes(-1));
                order.Approve(supervisor, closed);
            }

            var yesterday = Open("Вчерашний Клиент", null, null, null, At(30, 19, 30));
            Through(yesterday, mechanic1, 4000m, 0m, At(30, 20), At(30, 23, 50));
            var takenIn = Open("Иванов Клиент", ivan.Car, ivanBooking, ivan.Id, At(1, 8, 20));
            Through(takenIn, mechanic1, 10000m, 1500m, At(1, 8, 30), At(1, 11, 30));
            var inProgress = Open("Звонков Клиент", null, null, null, At(1, 10));
            inProgress.Assign(mechanic2, mechanicOnShift: true, mechanicHasOtherOrder: false, At(1, 10));
            inProgress.Agree(mechanic2, 3000m, At(1, 10, 30));
            var waiting = Open("Ждущий Клиент", null, null, null, At(1, 11));
            db.WorkOrders.AddRange(yesterday, takenIn, inProgress, waiting);

            var first = Shift.CheckIn(mechanic1, null, At(30, 19));
            first.CheckOut(At(1, 0, 30));
            var second = Shift.CheckIn(mechanic1, first, At(1, 8));
            second.CheckOut(At(1, 17));
            db.Shifts.AddRange(first, second, Shift.CheckIn(mechanic2, null, At(1, 9)));

            var centre = District.Create("Центр");
            var north = District.Create("Север");
            db.Districts.AddRange(centre, north);
            await db.SaveChangesAsync();
            db.Drivers.Add(Driver.Create(driver, [centre.Id], At(30, 8)));
            var collected = PickupRequest.Request(ivan.Id, ivan.Car, "ул. Ленина, 1", centre.Id, Today, new TimeOnly(10, 0), new TimeOnly(12, 0), null, Today, At(1, 9, 10));
            collected.Confirm(supervisor, new DateTime(2026, 12, 1, 10, 30, 0), Money.FromRoubles(1200m), new DateTime(2026, 12, 1, 9, 30, 0), At(1, 9, 30));
            collected.Agree(new DateTime(2026, 12, 1, 9, 50, 0), At(1, 9, 50));
            collected.AssignTo(driver, At(1, 10));
            collected.Complete(driver, "Забрал", 1, At(1, 10, 45));
            collected.MarkPaid(supervisor, At(1, 12));
            var review = PickupRequest.Request(olga.Id, olga.Car, "ул. Северная, 2", north.Id, Today.AddDays(1), new TimeOnly(10, 0), new TimeOnly(12, 0), null, Today, At(1, 13));
            db.PickupRequests.AddRange(collected, review);
            await db.SaveChangesAsync();
            return (takenIn.Id, inProgress.Id, waiting.Id, yesterday.Id, centre.Id, north.Id);
        });

        Fixture.Clock.SetUtcNow(At(1, 18));
        return new Day(mechanic1, mechanic2, driver, ivanBooking, olgaBooking, petrBooking, annaBooking, ids.Item1, ids.Item2, ids.Item3, ids.Item4,
            ids.Item5, ids.Item6, volkov, sokolova);
    }

    protected Task<ReportSummary> SummaryAsync(ReportPeriod period) =>
        ServiceAsync<ReportSummaries, ReportSummary>(summaries => summaries.SummaryAsync(period, CancellationToken.None));

    protected Task<ReportList> ListAsync(ReportMeasure measure, ReportPeriod period, ReportNarrowing? narrowing = null) =>
        ServiceAsync<ReportRows, ReportList>(async rows =>
        {
            await using var scope = Fixture.Site.Services.CreateAsyncScope();
            var range = scope.ServiceProvider.GetRequiredService<ReportSummaries>().Range(period);
            return await rows.ListAsync(measure, narrowing ?? new ReportNarrowing(), range, 1, CancellationToken.None);
        });

    /// <summary>The hours the booking's labour was priced for, as it was quoted.</summary>
    protected Task<decimal> NormHoursAsync(int bookingId) => DbAsync(db => db.Bookings.Where(b => b.Id == bookingId).Select(b => b.Quote.NormHours).SingleAsync());
}
