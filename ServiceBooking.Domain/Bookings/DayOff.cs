using ServiceBooking.Domain.Common;

namespace ServiceBooking.Domain.Bookings;

/// <summary>A day the service centre is closed (a holiday, an inventory day): nobody can book it.</summary>
public sealed class DayOff : Entity
{
    private DayOff()
    {
    }

    public DayOff(DateOnly date, string? reason)
    {
        Date = date;
        Reason = Text.Optional(reason, 200, "DayOff.Reason");
    }

    public DateOnly Date { get; private set; }

    public string? Reason { get; private set; }
}
