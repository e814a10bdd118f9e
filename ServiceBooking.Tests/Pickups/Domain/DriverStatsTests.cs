using ServiceBooking.Domain.Pickups;

namespace ServiceBooking.Tests.Pickups.Domain;

/// <summary>The driver card's formulas: jobs done, average completion time, jobs per day worked.</summary>
public sealed class DriverStatsTests
{
    private static readonly TimeZoneInfo Moscow = TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow");

    private static FinishedJob Job(int day, int fromHour, int fromMinute, int hours, int minutes) =>
        new(new DateTimeOffset(2026, 12, day, fromHour, fromMinute, 0, TimeSpan.FromHours(3)),
            new DateTimeOffset(2026, 12, day, fromHour, fromMinute, 0, TimeSpan.FromHours(3)).Add(new TimeSpan(hours, minutes, 0)));

    [Fact]
    public void Three_jobs_over_two_days_average_their_durations_and_one_and_a_half_a_day()
    {
        var stats = DriverStats.Of([Job(1, 9, 0, 1, 0), Job(1, 11, 0, 2, 0), Job(3, 10, 0, 0, 30)], Moscow);

        Assert.Equal(3, stats.Completed);
        Assert.Equal(TimeSpan.FromMinutes(70), stats.AverageCompletion);
        Assert.Equal(2, stats.DaysWorked);
        Assert.Equal(1.5m, stats.PerDayWorked);
    }

    [Fact]
    public void A_job_across_midnight_in_the_workshop_s_zone_works_two_days()
    {
        // 23:00–01:00 in Moscow is 20:00–22:00 UTC: one day in UTC, two in the workshop's zone.
        var stats = DriverStats.Of([Job(1, 23, 0, 2, 0)], Moscow);

        Assert.Equal((1, 2, 0.5m), (stats.Completed, stats.DaysWorked, stats.PerDayWorked));
        Assert.Equal(TimeSpan.FromHours(2), stats.AverageCompletion);
    }

    [Fact]
    public void A_driver_with_no_finished_job_has_no_averages()
    {
        var stats = DriverStats.Of([], Moscow);

        Assert.Equal((0, 0), (stats.Completed, stats.DaysWorked));
        Assert.Null(stats.AverageCompletion);
        Assert.Null(stats.PerDayWorked);
    }
}
