namespace ServiceBooking.Domain.Bookings;

/// <summary>What a day of the calendar is to someone booking (PRODUCT.md section D).</summary>
public enum DayState
{
    Open,
    Past,
    BeyondHorizon,
    DayOff,
}

/// <summary>
/// The booking horizon (PRODUCT.md section D): from today to <see cref="Days"/> days ahead, days off excluded. A day of
/// it is open while it has a half-hour left to begin; the month calendar shows the months it touches.
/// </summary>
public readonly record struct BookingHorizon(DateTime LocalNow, int Days)
{
    public DateOnly Today => DateOnly.FromDateTime(LocalNow);

    /// <summary>The last day a booking may be made for, today included in the count as day 0.</summary>
    public DateOnly LastBookableDay => Today.AddDays(Days);

    /// <summary>What <paramref name="day"/> is on the calendar, given whether it is a day off.</summary>
    public DayState StateOf(DateOnly day, bool isDayOff) =>
        day < Today ? DayState.Past
        : day > LastBookableDay ? DayState.BeyondHorizon
        : isDayOff ? DayState.DayOff
        : DayState.Open;

    /// <summary>Whether cells of <paramref name="day"/> may be booked at all (each one still only until it starts).</summary>
    public bool IsOpen(DateOnly day, bool isDayOff) => StateOf(day, isDayOff) == DayState.Open;

    /// <summary>Whether <paramref name="day"/> is today and its last half-hour has begun, so nothing of it can be booked.</summary>
    public bool IsOver(DateOnly day) => day == Today && LocalNow.TimeOfDay >= TimeSlot.DayStarts[^1].ToTimeSpan();

    /// <summary>How many of <paramref name="day"/>'s half-hours have begun: all of a past day, none of a future one.</summary>
    public int StartedSlots(DateOnly day)
    {
        var now = LocalNow;
        return day < Today ? TimeSlot.DayStarts.Count
            : day > Today ? 0
            : TimeSlot.DayStarts.Count(start => TimeSlot.Create(day, start).HasStartedAt(now));
    }

    /// <summary>
    /// The day a calendar opens on: the first open day from today (today itself while a half-hour of it is left to
    /// begin), or today when the whole horizon is closed.
    /// </summary>
    public DateOnly FirstOpenDay(Func<DateOnly, bool> isDayOff)
    {
        for (var day = Today; day <= LastBookableDay; day = day.AddDays(1))
        {
            if (!isDayOff(day) && !IsOver(day))
            {
                return day;
            }
        }

        return Today;
    }

    /// <summary>Whether <paramref name="day"/> may be asked for as the calendar's chosen day (else it opens on the first open day).</summary>
    public bool Covers(DateOnly day) => day >= Today && day <= LastBookableDay;

    /// <summary>Whether the month calendar showing the month of <paramref name="firstOfMonth"/> offers the month before.</summary>
    public bool HasMonthBefore(DateOnly firstOfMonth) => firstOfMonth > new DateOnly(Today.Year, Today.Month, 1);

    /// <summary>Whether the month calendar showing a month ending on <paramref name="lastOfMonth"/> offers the month after.</summary>
    public bool HasMonthAfter(DateOnly lastOfMonth) => lastOfMonth < LastBookableDay;
}
