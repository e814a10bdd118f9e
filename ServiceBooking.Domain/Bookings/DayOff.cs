using ServiceBooking.Domain.Common;

namespace ServiceBooking.Domain.Bookings;

/// <summary>What the working calendar says about a date an Admin wants to close.</summary>
/// <param name="Today">Today at the service centre: by its time zone, not the server's.</param>
/// <param name="AlreadyOff">The date is a day off already.</param>
/// <param name="ActiveBookings">How many active bookings there are on the date.</param>
public sealed record DayOffCircumstances(DateOnly Today, bool AlreadyOff, int ActiveBookings);

/// <summary>A day the service centre is closed (a holiday, an inventory day): nobody can book it.</summary>
public sealed class DayOff : Entity
{
    private DayOff()
    {
    }

    /// <summary>A day off as it is recorded (the demo calendar, days that have passed); an Admin closes a day with <see cref="Mark"/>.</summary>
    public DayOff(DateOnly date, string? reason)
    {
        Date = date;
        Reason = Text.Optional(reason, 200, "DayOff.Reason");
    }

    public DateOnly Date { get; private set; }

    public string? Reason { get; private set; }

    /// <summary>
    /// Closes <paramref name="date"/>. Refused for a day that has passed at the service centre (today is still allowed),
    /// a day that is off already, and a day with active bookings: those clients would be left with a visit on a closed
    /// day, so their bookings are cancelled or moved first.
    /// </summary>
    public static DayOff Mark(DateOnly date, string? reason, DayOffCircumstances now)
    {
        if (date < now.Today)
        {
            throw new DomainException("DayOff.InPast", now.Today);
        }

        if (now.AlreadyOff)
        {
            throw new DomainException("DayOff.Taken", date);
        }

        if (now.ActiveBookings > 0)
        {
            throw new DomainException("DayOff.HasBookings", date, now.ActiveBookings);
        }

        return new DayOff(date, reason);
    }
}
