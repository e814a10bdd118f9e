using System.Diagnostics.CodeAnalysis;
using Microsoft.EntityFrameworkCore;
using ServiceBooking.Domain.Bookings;
using ServiceBooking.Domain.Common;
using ServiceBooking.Web.Platform;
using ServiceBooking.Web.Platform.Data;

namespace ServiceBooking.Web.Modules.Bookings.Scheduling;

/// <summary>The days off an Admin sees: from today on, or all of them; "today" is the service centre's date.</summary>
public sealed record DaysOffList(DateOnly Today, IReadOnlyList<DayOff> Days);

/// <summary>What marking a day off came to: the day, or the refusal with the list to show again.</summary>
public sealed record DayOffMarking(DayOff? Day, DomainException? Refusal, DaysOffList? List)
{
    [MemberNotNullWhen(true, nameof(Day))]
    [MemberNotNullWhen(false, nameof(Refusal), nameof(List))]
    public bool IsMarked => Refusal is null;
}

/// <summary>
/// The working calendar's days off, as the Admin keeps them: listed, closed by the Domain's rule (<see cref="DayOff.Mark"/>)
/// with the database settling two Admins closing the same day at once, and opened again.
/// </summary>
public sealed class WorkingCalendar(ApplicationDbContext db, WorkshopClock clock)
{
    private const string DateIndex = "ix_days_off_date";

    /// <summary>The days off from today on, or all of them when <paramref name="past"/>, by date.</summary>
    public async Task<DaysOffList> DaysOffAsync(bool past, CancellationToken cancellationToken)
    {
        var today = clock.Today;
        var days = db.DaysOff.AsNoTracking();
        if (!past)
        {
            days = days.Where(d => d.Date >= today);
        }

        return new DaysOffList(today, await days.OrderBy(d => d.Date).ToListAsync(cancellationToken));
    }

    /// <summary>Closes <paramref name="date"/>; a refusal comes with the list (<paramref name="past"/>: all of it) to show again.</summary>
    public async Task<DayOffMarking> MarkDayOffAsync(DateOnly date, string? reason, bool past, CancellationToken cancellationToken)
    {
        try
        {
            var circumstances = new DayOffCircumstances(
                clock.Today,
                await db.DaysOff.AnyAsync(d => d.Date == date, cancellationToken),
                await db.Bookings.CountAsync(b => b.Date == date && b.Status == BookingStatus.Active, cancellationToken));
            var day = DayOff.Mark(date, reason, circumstances);
            db.DaysOff.Add(day);
            await SaveAsync(day, cancellationToken);
            return new DayOffMarking(day, null, null);
        }
        catch (DomainException refusal)
        {
            db.ChangeTracker.Clear();
            return new DayOffMarking(null, refusal, await DaysOffAsync(past, cancellationToken));
        }
    }

    /// <summary>Makes a day off a working day again; null when there is no such day off.</summary>
    public async Task<DayOff?> ReopenAsync(int id, CancellationToken cancellationToken)
    {
        var day = await db.DaysOff.FindAsync([id], cancellationToken);
        if (day is not null)
        {
            db.DaysOff.Remove(day);
            await db.SaveChangesAsync(cancellationToken);
        }

        return day;
    }

    private async Task SaveAsync(DayOff day, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException error) when (UniqueViolation.Constraint(error) == DateIndex)
        {
            // Another Admin marked the same day between the check and this save.
            throw new DomainException("DayOff.Taken", day.Date);
        }
    }
}
