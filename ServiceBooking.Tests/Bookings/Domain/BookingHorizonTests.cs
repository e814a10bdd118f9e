using ServiceBooking.Domain.Bookings;

namespace ServiceBooking.Tests.Bookings.Domain;

public sealed class BookingHorizonTests
{
    // Tuesday 1 December 2026, 10:15 local time; 60 days ahead ends on Saturday 30 January 2027.
    private static readonly BookingHorizon Horizon = new(new DateTime(2026, 12, 1, 10, 15, 0), 60);

    private static DateOnly Day(int year, int month, int day) => new(year, month, day);

    [Fact]
    public void The_horizon_runs_from_today_to_sixty_days_ahead()
    {
        Assert.Equal(Day(2026, 12, 1), Horizon.Today);
        Assert.Equal(Day(2027, 1, 30), Horizon.LastBookableDay);
        Assert.True(Horizon.Covers(Day(2026, 12, 1)));
        Assert.True(Horizon.Covers(Day(2027, 1, 30)));
        Assert.False(Horizon.Covers(Day(2026, 11, 30)));
        Assert.False(Horizon.Covers(Day(2027, 1, 31)));
    }

    [Fact]
    public void A_day_is_past_beyond_the_horizon_a_day_off_or_open_in_that_order()
    {
        Assert.Equal(DayState.Past, Horizon.StateOf(Day(2026, 11, 30), isDayOff: false));
        Assert.Equal(DayState.Past, Horizon.StateOf(Day(2026, 11, 30), isDayOff: true));
        Assert.Equal(DayState.BeyondHorizon, Horizon.StateOf(Day(2027, 1, 31), isDayOff: true));
        Assert.Equal(DayState.DayOff, Horizon.StateOf(Day(2026, 12, 31), isDayOff: true));
        Assert.Equal(DayState.Open, Horizon.StateOf(Day(2026, 12, 1), isDayOff: false));
        Assert.Equal(DayState.Open, Horizon.StateOf(Day(2027, 1, 30), isDayOff: false));
        Assert.False(Horizon.IsOpen(Day(2026, 12, 31), isDayOff: true));
        Assert.True(Horizon.IsOpen(Day(2026, 12, 2), isDayOff: false));
    }

    [Fact]
    public void Today_s_started_half_hours_are_counted_a_past_day_has_all_a_future_day_none()
    {
        // 08:00 to 10:00 have begun at 10:15: five half-hours; 10:30 has not.
        Assert.Equal(5, Horizon.StartedSlots(Day(2026, 12, 1)));
        Assert.Equal(TimeSlot.DayStarts.Count, Horizon.StartedSlots(Day(2026, 11, 30)));
        Assert.Equal(0, Horizon.StartedSlots(Day(2026, 12, 2)));
    }

    [Fact]
    public void The_calendar_opens_on_today_while_a_half_hour_of_it_is_left()
    {
        Assert.Equal(Day(2026, 12, 1), Horizon.FirstOpenDay(_ => false));
        var lateEvening = Horizon with { LocalNow = new DateTime(2026, 12, 1, 19, 30, 0) };
        Assert.True(lateEvening.IsOver(Day(2026, 12, 1)));
        Assert.Equal(Day(2026, 12, 2), lateEvening.FirstOpenDay(_ => false));
        var lastHalfHourToCome = Horizon with { LocalNow = new DateTime(2026, 12, 1, 19, 29, 0) };
        Assert.Equal(Day(2026, 12, 1), lastHalfHourToCome.FirstOpenDay(_ => false));
    }

    [Fact]
    public void The_calendar_skips_days_off_and_opens_on_today_when_the_whole_horizon_is_closed()
    {
        var daysOff = new HashSet<DateOnly> { Day(2026, 12, 1), Day(2026, 12, 2) };
        Assert.Equal(Day(2026, 12, 3), Horizon.FirstOpenDay(daysOff.Contains));
        Assert.Equal(Day(2026, 12, 1), Horizon.FirstOpenDay(_ => true));
    }

    [Fact]
    public void The_month_calendar_offers_only_months_the_horizon_touches()
    {
        Assert.False(Horizon.HasMonthBefore(Day(2026, 12, 1)));
        Assert.True(Horizon.HasMonthBefore(Day(2027, 1, 1)));
        Assert.True(Horizon.HasMonthAfter(Day(2026, 12, 31)));
        Assert.False(Horizon.HasMonthAfter(Day(2027, 1, 31)));
    }
}
