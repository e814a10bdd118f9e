using ServiceBooking.Domain.Reports;
using ServiceBooking.Tests.Bookings;
using ServiceBooking.Web.Modules.Bookings;
using ServiceBooking.Web.Modules.Reports;

namespace ServiceBooking.Tests.Reports;

/// <summary>The page's summary is computed once and served again until the data changes, and never for longer than a minute.</summary>
public sealed class ReportCacheTests(BookingFixture fixture) : ReportsTest(fixture)
{
    private Task<ReportSummary> CurrentAsync(ReportPeriod period) =>
        ServiceAsync<ReportSummaries, ReportSummary>(summaries => summaries.CurrentAsync(period));

    /// <summary>
    /// The summary once the database's notifications of the last writes have arrived (each drops what was kept): the
    /// same object twice in a row.
    /// </summary>
    private async Task<ReportSummary> SettledAsync(ReportPeriod period)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var first = await CurrentAsync(period);
            var second = await CurrentAsync(period);
            if (ReferenceEquals(first, second))
            {
                return second;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The summary was never served twice: nothing is kept.");
    }

    [Fact]
    public async Task A_summary_is_served_again_until_a_booking_changes_the_data_or_a_minute_passes()
    {
        var day = await KnownDayAsync();
        var today = ReportPeriod.Of(PeriodKind.Today, Today);
        var kept = await SettledAsync(today);
        Assert.Equal(3, kept.Bookings.Made);

        var (clientId, carId) = ((await CreateUserAsync(new ServiceBooking.Tests.Infrastructure.UserBuilder("late").WithName("Поздний", "Клиент"))).Id, 0);
        carId = await AddCarAsync("late", "Kia Rio (IV)", "Z94C241BBJR000099", "В099ОР77");
        var type = await RepairTypeIdAsync("Диагностика", null);
        var booked = await ServiceAsync<BookingDesk, BookingOutcome>(desk =>
            desk.BookAsync(new BookingDraft(Today, new TimeOnly(19, 0), day.Volkov, carId, type, clientId, clientId), CancellationToken.None));
        Assert.True(booked.Succeeded, booked.Refusal?.Code);

        var changed = await SettledAsync(today);
        Assert.NotSame(kept, changed);
        Assert.Equal((4, 3), (changed.Bookings.Made, changed.Bookings.Visits));

        // Nothing changes for a minute, but mechanic 2's open shift and order have grown: counted again.
        Fixture.Clock.Advance(TimeSpan.FromSeconds(61));
        var later = await CurrentAsync(today);
        Assert.NotSame(changed, later);
        var before = changed.Mechanics.Single(m => m.Id == day.Mechanic2);
        var after = later.Mechanics.Single(m => m.Id == day.Mechanic2);
        Assert.Equal(before.OnShift + TimeSpan.FromSeconds(61), after.OnShift);
        Assert.Equal(before.Clocked + TimeSpan.FromSeconds(61), after.Clocked);
    }
}
