using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ServiceBooking.Domain.Bookings;
using ServiceBooking.Web.Data;
using ServiceBooking.Web.Scheduling;

namespace ServiceBooking.Web.Bookings;

/// <summary>Reads what the calendar and the day grid show: which days can be booked, and the state of every cell.</summary>
public sealed class BookingCalendar(ApplicationDbContext db, WorkshopClock clock, IOptions<BookingOptions> options)
{
    public DateOnly Today => clock.Today;

    public DateOnly LastBookableDay => clock.Today.AddDays(options.Value.HorizonDays);

    public async Task<bool> IsDayOffAsync(DateOnly date, CancellationToken cancellationToken) =>
        await db.DaysOff.AnyAsync(d => d.Date == date, cancellationToken);

    /// <summary>A day one can still book: from today to the horizon, and not a day off.</summary>
    public async Task<bool> IsOpenAsync(DateOnly date, CancellationToken cancellationToken) =>
        date >= Today && date <= LastBookableDay && !await IsDayOffAsync(date, cancellationToken);

    /// <summary>The first day from today on that is open (today itself while it has time left).</summary>
    public async Task<DateOnly> FirstOpenDayAsync(CancellationToken cancellationToken)
    {
        var daysOff = await DaysOffAsync(Today, LastBookableDay, cancellationToken);
        var lastStart = Domain.Scheduling.TimeSlot.DayStarts[^1];
        for (var day = Today; day <= LastBookableDay; day = day.AddDays(1))
        {
            if (!daysOff.Contains(day) && !(day == Today && clock.LocalNow.TimeOfDay >= lastStart.ToTimeSpan()))
            {
                return day;
            }
        }

        return Today;
    }

    public async Task<MonthView> MonthAsync(DateOnly anyDayOfMonth, DateOnly? selected, string? viewerId, CancellationToken cancellationToken)
    {
        var first = new DateOnly(anyDayOfMonth.Year, anyDayOfMonth.Month, 1);
        var last = first.AddMonths(1).AddDays(-1);
        var daysOff = await DaysOffAsync(first, last, cancellationToken);
        var own = viewerId is null
            ? []
            : (await db.Bookings.Where(b => b.ClientId == viewerId && b.Status == BookingStatus.Active && b.Date >= first && b.Date <= last)
                .Select(b => b.Date).ToListAsync(cancellationToken)).ToHashSet();
        var days = Enumerable.Range(0, last.Day).Select(i => first.AddDays(i)).Select(day => new CalendarDay(
            day,
            day < Today ? DayState.Past : day > LastBookableDay ? DayState.BeyondHorizon : daysOff.Contains(day) ? DayState.DayOff : DayState.Open,
            own.Contains(day),
            day == selected)).ToList();
        return new MonthView(first, days, first > new DateOnly(Today.Year, Today.Month, 1), last < LastBookableDay);
    }

    /// <summary>The day's grid; <paramref name="viewerId"/> marks the viewer's own bookings (null for staff).</summary>
    public async Task<DayGrid> DayAsync(DateOnly date, string? viewerId, CancellationToken cancellationToken)
    {
        var advisors = await db.ServiceAdvisors.AsNoTracking()
            .Where(a => a.IsActive || db.Bookings.Any(b => b.AdvisorId == a.Id && b.Date == date && b.Status == BookingStatus.Active))
            .OrderBy(a => a.LastName).ThenBy(a => a.FirstName)
            .Select(a => new { a.Id, a.LastName, a.FirstName, a.Patronymic })
            .ToListAsync(cancellationToken);
        var bookings = await db.Bookings.AsNoTracking()
            .Where(b => b.Date == date)
            .Select(b => new GridBooking(b.Id, b.AdvisorId, b.Start, b.ClientId, b.Status))
            .ToListAsync(cancellationToken);
        var closed = !await IsOpenAsync(date, cancellationToken);
        return SlotGrid.Build(
            date, advisors.Select(a => new GridAdvisor(a.Id, ShortName(a.LastName, a.FirstName, a.Patronymic))), bookings, viewerId, clock.LocalNow, closed);
    }

    /// <summary>"Кузнецов А. И."</summary>
    public static string ShortName(string last, string first, string? patronymic) =>
        patronymic is null ? $"{last} {first[0]}." : $"{last} {first[0]}. {patronymic[0]}.";

    private async Task<HashSet<DateOnly>> DaysOffAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
        (await db.DaysOff.Where(d => d.Date >= from && d.Date <= to).Select(d => d.Date).ToListAsync(cancellationToken)).ToHashSet();
}

public enum DayState
{
    Open,
    Past,
    BeyondHorizon,
    DayOff,
}

public sealed record CalendarDay(DateOnly Date, DayState State, bool HasOwnBooking, bool IsSelected);

public sealed record MonthView(DateOnly FirstDay, IReadOnlyList<CalendarDay> Days, bool HasPrevious, bool HasNext);
