using ServiceBooking.Domain.Common;

namespace ServiceBooking.Domain.Bookings;

/// <summary>
/// One half-hour cell of the working day in the service centre's local time: a date and a start time.
/// The day runs from <see cref="Opens"/> to <see cref="Closes"/>, so the last visit starts at 19:30.
/// </summary>
public readonly record struct TimeSlot
{
    public static readonly TimeSpan Length = TimeSpan.FromMinutes(30);
    public static readonly TimeOnly Opens = new(8, 0);
    public static readonly TimeOnly Closes = new(20, 0);

    private TimeSlot(DateOnly date, TimeOnly start) => (Date, Start) = (date, start);

    public DateOnly Date { get; }

    public TimeOnly Start { get; }

    public TimeOnly End => Start.Add(Length);

    /// <summary>The start times of a working day: 08:00, 08:30, …, 19:30.</summary>
    public static IReadOnlyList<TimeOnly> DayStarts { get; } =
        [.. Enumerable.Range(0, (int)((Closes - Opens) / Length)).Select(i => Opens.Add(Length * i))];

    public static TimeSlot Create(DateOnly date, TimeOnly start)
    {
        if (start < Opens || start.Add(Length) > Closes || start.Add(Length) < start)
        {
            throw new DomainException("Slot.OutsideHours", Opens, Closes);
        }

        if (start.Second != 0 || start.Millisecond != 0 || (start - Opens).Ticks % Length.Ticks != 0)
        {
            throw new DomainException("Slot.NotOnTheGrid");
        }

        return new TimeSlot(date, start);
    }

    /// <summary>Whether the slot has begun at the given local time of the service centre.</summary>
    public bool HasStartedAt(DateTime localNow) => Date.ToDateTime(Start) <= localNow;
}
