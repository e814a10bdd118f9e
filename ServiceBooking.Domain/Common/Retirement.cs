namespace ServiceBooking.Domain.Common;

/// <summary>What taking an entry out of the catalog or the calendar comes to.</summary>
public enum Removal
{
    /// <summary>Nothing refers to it: the entry is deleted.</summary>
    Delete,

    /// <summary>Records still refer to it: the entry stays for them, deactivated, and cannot be chosen for anything new.</summary>
    Deactivate,
}

/// <summary>An entry in use is deactivated, not deleted: the bookings, cars and prices that refer to it stay whole.</summary>
public static class Retirement
{
    /// <summary>
    /// Takes <paramref name="entry"/> out of use. While <paramref name="uses"/> records refer to it, it is deactivated and
    /// kept; when nothing does, it may be deleted. Says which of the two it is.
    /// </summary>
    public static Removal Retire(this IActivatable entry, int uses)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(uses);
        if (uses == 0)
        {
            return Removal.Delete;
        }

        entry.Deactivate();
        return Removal.Deactivate;
    }
}
