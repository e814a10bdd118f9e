using Microsoft.Extensions.Options;
using ServiceBooking.Tests.Infrastructure;
using ServiceBooking.Web.Platform;
using ServiceBooking.Web.Platform.Hosting;

namespace ServiceBooking.Tests.Platform;

public class WorkshopClockTests
{
    private static readonly DateTimeOffset AnyInstant = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    private static WorkshopClock Clock(DateTimeOffset utcNow, string zone = "Europe/Berlin") =>
        new(new TestClock(utcNow), Options.Create(new ServiceCentreOptions { TimeZone = zone }));

    private static DateTimeOffset Utc(int year, int month, int day, int hour, int minute) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    [Fact]
    public void The_zone_is_the_configured_one()
    {
        Assert.Equal("Europe/Berlin", Clock(AnyInstant).Zone.Id);
        Assert.Equal("Europe/Moscow", Clock(AnyInstant, "Europe/Moscow").Zone.Id);
    }

    [Fact]
    public void At_2230_utc_it_is_already_tomorrow_in_moscow()
    {
        var clock = Clock(Utc(2026, 12, 1, 22, 30), "Europe/Moscow");

        Assert.Equal(new DateTime(2026, 12, 2, 1, 30, 0), clock.LocalNow);
        Assert.Equal(new DateOnly(2026, 12, 2), clock.Today);
    }

    [Fact]
    public void At_2230_utc_in_winter_it_is_still_today_in_berlin()
    {
        var clock = Clock(Utc(2026, 12, 1, 22, 30));

        Assert.Equal(new DateTime(2026, 12, 1, 23, 30, 0), clock.LocalNow);
        Assert.Equal(new DateOnly(2026, 12, 1), clock.Today);
    }

    [Fact]
    public void At_2230_utc_in_summer_it_is_already_tomorrow_in_berlin()
    {
        var clock = Clock(Utc(2027, 7, 1, 22, 30));

        Assert.Equal(new DateTime(2027, 7, 2, 0, 30, 0), clock.LocalNow);
        Assert.Equal(new DateOnly(2027, 7, 2), clock.Today);
    }

    [Fact]
    public void The_local_time_is_a_wall_clock_time_with_no_kind()
    {
        Assert.Equal(DateTimeKind.Unspecified, Clock(AnyInstant).LocalNow.Kind);
    }

    [Theory]
    [InlineData(12, 1, 1)] // winter: CET, UTC+1
    [InlineData(7, 1, 2)] // summer: CEST, UTC+2
    public void An_ordinary_local_time_is_the_instant_at_the_zones_offset(int month, int day, int offsetHours)
    {
        var instant = Clock(AnyInstant).ToInstant(new DateOnly(2027, month, day), new TimeOnly(10, 0));

        Assert.Equal(TimeSpan.FromHours(offsetHours), instant.Offset);
        Assert.Equal(new DateTime(2027, month, day, 10, 0, 0), instant.DateTime);
        Assert.Equal(Utc(2027, month, day, 10 - offsetHours, 0), instant);
    }

    [Fact]
    public void A_local_time_in_moscow_is_three_hours_ahead_of_utc()
    {
        var instant = Clock(AnyInstant, "Europe/Moscow").ToInstant(new DateOnly(2026, 12, 3), new TimeOnly(10, 0));

        Assert.Equal(TimeSpan.FromHours(3), instant.Offset);
        Assert.Equal(Utc(2026, 12, 3, 7, 0), instant);
    }

    [Fact]
    public void A_time_the_spring_change_skips_moves_forward_by_the_hour_the_clock_jumps()
    {
        // 28 March 2027 in Berlin: at 02:00 CET the clocks jump to 03:00 CEST, so 02:30 never shows.
        // It is read as 03:30 CEST, which is 01:30 UTC, half an hour after the jump (01:00 UTC).
        var instant = Clock(AnyInstant).ToInstant(new DateOnly(2027, 3, 28), new TimeOnly(2, 30));

        Assert.Equal(new DateTimeOffset(2027, 3, 28, 3, 30, 0, TimeSpan.FromHours(2)), instant);
        Assert.Equal(TimeSpan.FromHours(2), instant.Offset);
        Assert.Equal(Utc(2027, 3, 28, 1, 30), instant);
    }

    [Fact]
    public void A_time_the_autumn_change_repeats_is_the_earlier_of_the_two()
    {
        // 31 October 2027 in Berlin: at 03:00 CEST the clocks go back to 02:00 CET, so 02:30 happens at 00:30 UTC
        // (CEST, +02:00) and again at 01:30 UTC (CET, +01:00); the method documents the earlier one.
        var instant = Clock(AnyInstant).ToInstant(new DateOnly(2027, 10, 31), new TimeOnly(2, 30));

        Assert.Equal(TimeSpan.FromHours(2), instant.Offset);
        Assert.Equal(Utc(2027, 10, 31, 0, 30), instant);
    }

    [Fact]
    public void A_skipped_time_lands_inside_the_gap_when_the_clock_jumps_by_half_an_hour()
    {
        // Lord Howe Island, 3 October 2027: at 02:00 (UTC+10:30) the clocks jump to 02:30 (UTC+11:00), so 02:15 never
        // shows. Moved forward by the length of the jump it is 02:45 (UTC+11:00) = 15:45 UTC on 2 October.
        var instant = Clock(AnyInstant, "Australia/Lord_Howe").ToInstant(new DateOnly(2027, 10, 3), new TimeOnly(2, 15));

        Assert.Equal(Utc(2027, 10, 2, 15, 45), instant);
        Assert.Equal(new DateTime(2027, 10, 3, 2, 45, 0), instant.DateTime);
    }
}
