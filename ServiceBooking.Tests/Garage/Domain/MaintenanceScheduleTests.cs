using ServiceBooking.Domain.Garage;

namespace ServiceBooking.Tests.Garage.Domain;

public sealed class MaintenanceScheduleTests
{
    private static readonly DateOnly Today = new(2026, 12, 1);

    private static DateOnly Day(string text) => DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2024-11-20", "2026-12-01", "2026-11-20")]
    [InlineData("2024-12-01", "2026-12-01", "2026-12-01")]
    [InlineData("2024-02-29", "2026-12-01", "2026-02-28")]
    public void The_due_date_is_the_latest_anniversary(string since, string today, string due)
    {
        Assert.Equal(Day(due), MaintenanceSchedule.LastAnniversary(Day(since), Day(today)));
    }

    [Fact]
    public void The_year_counts_from_the_last_maintenance_visit_or_else_from_the_sale()
    {
        Assert.Equal(Day("2025-06-01"), MaintenanceSchedule.Since(Day("2020-03-10"), Day("2025-06-01")));
        Assert.Equal(Day("2020-03-10"), MaintenanceSchedule.Since(Day("2020-03-10"), null));
        // A visit recorded before the sale (a car bought second-hand, its history kept) does not count.
        Assert.Equal(Day("2020-03-10"), MaintenanceSchedule.Since(Day("2020-03-10"), Day("2019-01-01")));
    }

    [Fact]
    public void A_car_is_due_once_its_year_has_run_out_and_no_visit_is_booked()
    {
        Assert.Equal(Day("2026-12-01"), MaintenanceSchedule.Due(Day("2025-12-01"), Today, visitBooked: false));
        Assert.Equal(Day("2026-11-02"), MaintenanceSchedule.Due(Day("2023-11-02"), Today, visitBooked: false));
        Assert.Null(MaintenanceSchedule.Due(Day("2025-12-02"), Today, visitBooked: false));
        Assert.Null(MaintenanceSchedule.Due(Day("2024-01-01"), Today, visitBooked: true));
    }
}
