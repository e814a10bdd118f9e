using ServiceBooking.Domain.Common;

namespace ServiceBooking.Domain.WorkOrders;

/// <summary>
/// A mechanic's working shift: checked in, then out. Only a mechanic on shift is given orders. The database keeps one
/// open shift per mechanic, so checking in twice at once makes one shift.
/// </summary>
public sealed class Shift : Entity
{
    /// <summary>A shift left open longer than this is taken as forgotten: it no longer counts as on shift.</summary>
    public static readonly TimeSpan Longest = TimeSpan.FromHours(16);

    private Shift()
    {
    }

    public string MechanicId { get; private set; } = string.Empty;

    public DateTimeOffset CheckedInAt { get; private set; }

    public DateTimeOffset? CheckedOutAt { get; private set; }

    public bool IsOpen => CheckedOutAt is null;

    public static Shift CheckIn(string mechanicId, Shift? open, DateTimeOffset now) =>
        open is { IsOpen: true } && now - open.CheckedInAt < Longest
            ? throw new DomainException("Shift.AlreadyOn")
            : new Shift { MechanicId = mechanicId, CheckedInAt = now };

    public void CheckOut(DateTimeOffset now)
    {
        if (!IsOpen)
        {
            throw new DomainException("Shift.NotOn");
        }

        CheckedOutAt = now < CheckedInAt ? CheckedInAt : now;
    }

    /// <summary>On shift at <paramref name="now"/>: checked in, not out, and not longer ago than <see cref="Longest"/>.</summary>
    public bool IsOnShift(DateTimeOffset now) => IsOpen && now >= CheckedInAt && now - CheckedInAt < Longest;

    /// <summary>How long the shift lasted (until now when still open, at most <see cref="Longest"/>).</summary>
    public TimeSpan Length(DateTimeOffset now)
    {
        var end = CheckedOutAt ?? now;
        var length = end - CheckedInAt;
        return length < TimeSpan.Zero ? TimeSpan.Zero : length > Longest ? Longest : length;
    }
}
