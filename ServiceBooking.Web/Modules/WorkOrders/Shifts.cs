using Microsoft.EntityFrameworkCore;
using ServiceBooking.Domain.Common;
using ServiceBooking.Domain.WorkOrders;
using ServiceBooking.Web.Modules.WorkOrders.Data;
using ServiceBooking.Web.Platform;
using ServiceBooking.Web.Platform.Data;

namespace ServiceBooking.Web.Modules.WorkOrders;

/// <summary>One mechanic's shift on the day's attendance sheet, in the workshop's local time.</summary>
public sealed record AttendanceRow(string MechanicId, string Name, DateTime CheckedIn, DateTime? CheckedOut, TimeSpan Length, bool Forgotten);

/// <summary>
/// Mechanics' shifts (seed 004: check-in and check-out times): a mechanic checks in and out; only one on shift is given
/// orders. The database keeps one open shift per mechanic, so a double tap makes one shift.
/// </summary>
public sealed class Shifts(ApplicationDbContext db, TimeProvider time, WorkshopClock clock)
{
    /// <summary>The mechanic's open shift, if they are on shift now.</summary>
    public async Task<Shift?> CurrentAsync(string mechanicId, CancellationToken cancellationToken)
    {
        var open = await OpenShiftAsync(mechanicId, tracked: false, cancellationToken);
        return open is not null && open.IsOnShift(time.GetUtcNow()) ? open : null;
    }

    /// <summary>When the mechanic's shift began, in the workshop's local time; null when off shift.</summary>
    public async Task<DateTime?> OnShiftSinceAsync(string mechanicId, CancellationToken cancellationToken) =>
        await CurrentAsync(mechanicId, cancellationToken) is { } shift ? Local(shift.CheckedInAt) : null;

    /// <summary>Of these mechanics, those on shift now, with when they checked in.</summary>
    public async Task<IReadOnlyDictionary<string, DateTimeOffset>> OnShiftAsync(IReadOnlyCollection<string> mechanicIds, CancellationToken cancellationToken)
    {
        var since = time.GetUtcNow() - Shift.Longest;
        return await db.Shifts.AsNoTracking()
            .Where(s => mechanicIds.Contains(s.MechanicId) && s.CheckedOutAt == null && s.CheckedInAt > since)
            .ToDictionaryAsync(s => s.MechanicId, s => s.CheckedInAt, cancellationToken);
    }

    public async Task<bool> IsOnShiftAsync(string mechanicId, CancellationToken cancellationToken) =>
        await CurrentAsync(mechanicId, cancellationToken) is not null;

    /// <summary>Starts a shift; a shift left open past <see cref="Shift.Longest"/> is closed at that length first.</summary>
    public async Task<Shift> CheckInAsync(string mechanicId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var open = await OpenShiftAsync(mechanicId, tracked: true, cancellationToken);
        var shift = Shift.CheckIn(mechanicId, open, now);
        if (open is not null)
        {
            // Forgotten: it ends where it stopped counting, so the sheet does not show a 30-hour day.
            open.CheckOut(open.CheckedInAt + Shift.Longest);
        }

        db.Shifts.Add(shift);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException error) when (UniqueViolation.Constraint(error) == ShiftConfiguration.OneOpenShift)
        {
            // Checked in a moment ago from another tab: that shift stands.
            db.ChangeTracker.Clear();
            throw new DomainException("Shift.AlreadyOn");
        }

        return shift;
    }

    public async Task<Shift> CheckOutAsync(string mechanicId, CancellationToken cancellationToken)
    {
        var open = await OpenShiftAsync(mechanicId, tracked: true, cancellationToken) ?? throw new DomainException("Shift.NotOn");
        open.CheckOut(time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return open;
    }

    /// <summary>The shifts begun on a local day, by name then time.</summary>
    public async Task<IReadOnlyList<AttendanceRow>> AttendanceAsync(DateOnly date, CancellationToken cancellationToken)
    {
        // The local day's bounds as UTC instants (Npgsql writes timestamptz parameters only in UTC).
        var (start, end) = (clock.ToInstant(date, TimeOnly.MinValue).ToUniversalTime(), clock.ToInstant(date.AddDays(1), TimeOnly.MinValue).ToUniversalTime());
        var now = time.GetUtcNow();
        var rows = await (from s in db.Shifts.AsNoTracking()
                          join u in db.Users on s.MechanicId equals u.Id
                          where s.CheckedInAt >= start && s.CheckedInAt < end
                          select new { Shift = s, u.LastName, u.FirstName, u.Patronymic })
            .ToListAsync(cancellationToken);
        return [.. rows
            .Select(r => new AttendanceRow(
                r.Shift.MechanicId, StaffNames.Full(r.LastName, r.FirstName, r.Patronymic), Local(r.Shift.CheckedInAt),
                r.Shift.CheckedOutAt is { } checkedOut ? Local(checkedOut) : null, r.Shift.Length(now), r.Shift.IsOpen && !r.Shift.IsOnShift(now)))
            .OrderBy(r => r.Name, StringComparer.CurrentCulture).ThenBy(r => r.CheckedIn)];
    }

    private DateTime Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, clock.Zone).DateTime;

    private Task<Shift?> OpenShiftAsync(string mechanicId, bool tracked, CancellationToken cancellationToken) =>
        (tracked ? db.Shifts : db.Shifts.AsNoTracking()).SingleOrDefaultAsync(s => s.MechanicId == mechanicId && s.CheckedOutAt == null, cancellationToken);
}
