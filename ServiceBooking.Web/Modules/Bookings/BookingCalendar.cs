using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;
using Npgsql;
using ServiceBooking.Domain.Bookings;
using ServiceBooking.Web.Platform;
using ServiceBooking.Web.Platform.Data;

namespace ServiceBooking.Web.Modules.Bookings;

/// <summary>Reads what the calendar and the day grid show: which days can be booked, and the state of every cell.</summary>
/// <remarks>
/// The grid is the busiest answer of the site (every client's calendar, every manager's desk): while this instance
/// listens for changes each day's bookings come from <see cref="DayGridCache"/> (read once per change of the day), the
/// advisors and days off it shows from <see cref="CalendarFacts"/>; otherwise from compiled queries. Whether a day is
/// off for a booking (<see cref="IsDayOffAsync"/>) is read from the database, once per request.
/// </remarks>
public sealed class BookingCalendar(
    ApplicationDbContext db, CalendarFacts facts, DayGridCache cache, WorkshopClock clock, IOptions<BookingOptions> options,
    IServiceScopeFactory scopes)
{
    private static readonly Func<ApplicationDbContext, DateOnly, IAsyncEnumerable<GridBooking>> BookingsOfDay =
        EF.CompileAsyncQuery((ApplicationDbContext db, DateOnly date) => db.Bookings.AsNoTracking()
            .Where(b => b.Date == date)
            .Select(b => new GridBooking(b.Id, b.AdvisorId, b.Start, b.ClientId, b.Status)));

    private static readonly Func<ApplicationDbContext, string, DateOnly, DateOnly, IAsyncEnumerable<DateOnly>> OwnBookingDays =
        EF.CompileAsyncQuery((ApplicationDbContext db, string clientId, DateOnly from, DateOnly to) => db.Bookings
            .Where(b => b.ClientId == clientId && b.Status == BookingStatus.Active && b.Date >= from && b.Date <= to)
            .Select(b => b.Date));

    private readonly Dictionary<DateOnly, HashSet<DateOnly>> daysOffByMonth = [];

    public DateOnly Today => clock.Today;

    public DateOnly LastBookableDay => Horizon.LastBookableDay;

    /// <summary>The booking horizon as of now (the Domain's rule of which days are open).</summary>
    public BookingHorizon Horizon => new(clock.LocalNow, options.Value.HorizonDays);

    /// <summary>Whether <paramref name="date"/> is a day off, as the database says now (for booking rules).</summary>
    public async Task<bool> IsDayOffAsync(DateOnly date, CancellationToken cancellationToken) =>
        (await DaysOffInMonthAsync(date, cancellationToken)).Contains(date);

    /// <summary>The first day from today on that is open (today itself while it has time left).</summary>
    public async Task<DateOnly> FirstOpenDayAsync(CancellationToken cancellationToken)
    {
        var daysOff = (await FactsAsync(cancellationToken)).DaysOff;
        return Horizon.FirstOpenDay(daysOff.Contains);
    }

    public async Task<MonthView> MonthAsync(DateOnly anyDayOfMonth, DateOnly? selected, string? viewerId, CancellationToken cancellationToken)
    {
        var (first, last) = MonthOf(anyDayOfMonth);
        var own = viewerId is null ? []
            : cache.IsUsable ? await OwnDaysFromMemoryAsync(viewerId, first, last, cancellationToken)
            : await ToSetAsync(OwnBookingDays(db, viewerId, first, last), cancellationToken);
        return await MonthAsync(first, selected, own, cancellationToken);
    }

    /// <summary>The days of a month the client has an active booking on, from the cached days (read at once when missing).</summary>
    private async Task<HashSet<DateOnly>> OwnDaysFromMemoryAsync(string viewerId, DateOnly first, DateOnly last, CancellationToken cancellationToken)
    {
        var days = await CachedDaysAsync([.. Enumerable.Range(0, last.Day - first.Day + 1).Select(first.AddDays)], cancellationToken);
        return days.Values.Where(d => d.ActiveByClient.ContainsKey(viewerId)).Select(d => d.Date).ToHashSet();
    }

    /// <summary>The day's grid; <paramref name="viewerId"/> marks the viewer's own bookings (null for staff).</summary>
    public async Task<DayGrid> DayAsync(DateOnly date, string? viewerId, CancellationToken cancellationToken)
    {
        if (cache.IsUsable)
        {
            return await DayAsync(date, (await CachedDayAsync(date, cancellationToken)).Bookings, viewerId, cancellationToken);
        }

        return await DayAsync(date, await BookingsOfDayAsync(date, cancellationToken), viewerId, cancellationToken);
    }

    /// <summary>The day's bookings and version: from memory while it is current, else read (and kept while listening).</summary>
    /// <remarks>
    /// Read once however many ask at the same moment, in a scope of its own (so that no caller's cancellation or end of
    /// request stops it): after a booking every open stream of the day asks at once.
    /// </remarks>
    internal async Task<CachedDay> CachedDayAsync(DateOnly date, CancellationToken cancellationToken) =>
        cache.Find(date) ?? await cache.LoadAsync(date, Today, options.Value.HorizonDays, async () =>
        {
            await using var scope = scopes.CreateAsyncScope();
            return (await ReadDaysAsync(scope.ServiceProvider.GetRequiredService<ApplicationDbContext>(), [date], CancellationToken.None))[0];
        }).WaitAsync(cancellationToken);

    /// <summary>Several days at once; those not in memory are read in one statement.</summary>
    internal async Task<IReadOnlyDictionary<DateOnly, CachedDay>> CachedDaysAsync(IReadOnlyList<DateOnly> dates, CancellationToken cancellationToken)
    {
        var found = new Dictionary<DateOnly, CachedDay>(dates.Count);
        var tickets = new List<DayGridCache.Ticket>();
        foreach (var date in dates)
        {
            if (cache.Find(date) is { } day)
            {
                found[date] = day;
            }
            else
            {
                tickets.Add(cache.Take(date));
            }
        }

        if (tickets.Count == 0)
        {
            return found;
        }

        foreach (var day in await ReadDaysAsync(db, [.. tickets.Select(t => t.Date)], cancellationToken))
        {
            found[day.Date] = day;
        }

        foreach (var ticket in tickets)
        {
            cache.Keep(ticket, found[ticket.Date], Today, options.Value.HorizonDays);
        }

        return found;
    }

    /// <summary>
    /// The day's grid state for caches of rendered grids: whether it can be booked, how many half-hours have begun, and
    /// which reading of advisors and days off it is built from.
    /// </summary>
    internal async Task<(bool Open, int Started, long Facts)> GridStateAsync(DateOnly date, CancellationToken cancellationToken)
    {
        var known = await FactsAsync(cancellationToken);
        var dayOff = (await ShownDaysOffAsync(date, cancellationToken)).Contains(date);
        return GridState(date, dayOff, known.Id, Horizon);
    }

    /// <summary>
    /// <see cref="GridStateAsync"/> from memory alone: null unless the advisors and days off (covering the date's month)
    /// are in memory. For live streams, which must not each take a database context to find out nothing changed.
    /// </summary>
    internal static (bool Open, int Started, long Facts)? GridStateInMemory(DateOnly date, CalendarFacts facts, WorkshopClock clock, int horizonDays)
    {
        var horizon = new BookingHorizon(clock.LocalNow, horizonDays);
        var (first, end) = MonthOf(date);
        return facts.Current(MonthOf(horizon.Today).First, MonthOf(horizon.LastBookableDay).Last) is { } known && known.Covers(first, end)
            ? GridState(date, known.DaysOff.Contains(date), known.Id, horizon)
            : null;
    }

    private static (bool Open, int Started, long Facts) GridState(DateOnly date, bool dayOff, long facts, BookingHorizon horizon) =>
        (horizon.IsOpen(date, dayOff), horizon.StartedSlots(date), facts);

    /// <summary>
    /// Every booking of each day with the day's version, in one statement (so rows and version are of one snapshot):
    /// the version is the later of the day's and the working calendar's (<c>live_versions</c>, bumped by triggers).
    /// </summary>
    private static async Task<List<CachedDay>> ReadDaysAsync(ApplicationDbContext db, DateOnly[] dates, CancellationToken cancellationToken)
    {
        const string Sql = """
            SELECT d.day,
                   coalesce((SELECT max(v.version) FROM live_versions v
                             WHERE v.topic IN ('calendar', 'day:' || to_char(d.day, 'YYYY-MM-DD'))), 0),
                   b.id, b.advisor_id, b.start_time, b.client_id, b.status
            FROM unnest(@days) AS d(day)
            LEFT JOIN bookings b ON b.date = d.day
            ORDER BY d.day
            """;
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
        }

        try
        {
            await using var command = new NpgsqlCommand(Sql, connection);
            command.Parameters.Add(new NpgsqlParameter<DateOnly[]>("days", dates));
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction() as NpgsqlTransaction;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var days = new List<CachedDay>(dates.Length);
            DateOnly? current = null;
            long version = 0;
            var bookings = new List<GridBooking>();
            while (await reader.ReadAsync(cancellationToken))
            {
                var day = reader.GetFieldValue<DateOnly>(0);
                if (current != day)
                {
                    if (current is { } done)
                    {
                        days.Add(new CachedDay(done, version, bookings));
                    }

                    (current, version, bookings) = (day, reader.GetInt64(1), []);
                }

                if (!reader.IsDBNull(2))
                {
                    bookings.Add(new GridBooking(
                        reader.GetInt32(2), reader.GetInt32(3), reader.GetFieldValue<TimeOnly>(4), reader.GetString(5),
                        Enum.Parse<BookingStatus>(reader.GetString(6))));
                }
            }

            if (current is { } last)
            {
                days.Add(new CachedDay(last, version, bookings));
            }

            return days;
        }
        finally
        {
            if (opened)
            {
                await db.Database.CloseConnectionAsync();
            }
        }
    }

    /// <summary>"Кузнецов А. И."</summary>
    public static string ShortName(string last, string first, string? patronymic) =>
        patronymic is null ? $"{last} {first[0]}." : $"{last} {first[0]}. {patronymic[0]}.";

    private static (DateOnly First, DateOnly Last) MonthOf(DateOnly anyDay)
    {
        var first = new DateOnly(anyDay.Year, anyDay.Month, 1);
        return (first, first.AddMonths(1).AddDays(-1));
    }

    /// <summary>
    /// The advisor's name as the day's grid heads their column, empty when it has none; without building the grid (a
    /// booking's answer names the advisor, and the grid's 480 cells were built for that alone).
    /// </summary>
    public async Task<string> AdvisorNameAsync(DateOnly date, int advisorId, CancellationToken cancellationToken)
    {
        if ((await FactsAsync(cancellationToken)).Advisors.FirstOrDefault(a => a.Id == advisorId) is not { } advisor)
        {
            return string.Empty;
        }

        if (!advisor.IsActive)
        {
            // As in the grid: an advisor no longer active shows on a day where they have bookings.
            var bookings = cache.IsUsable ? (await CachedDayAsync(date, cancellationToken)).Bookings : await BookingsOfDayAsync(date, cancellationToken);
            if (!bookings.Any(b => b.Status == BookingStatus.Active && b.AdvisorId == advisorId))
            {
                return string.Empty;
            }
        }

        return ShortName(advisor.LastName, advisor.FirstName, advisor.Patronymic);
    }

    private async Task<List<GridBooking>> BookingsOfDayAsync(DateOnly date, CancellationToken cancellationToken)
    {
        var bookings = new List<GridBooking>();
        await foreach (var booking in BookingsOfDay(db, date).WithCancellation(cancellationToken))
        {
            bookings.Add(booking);
        }

        return bookings;
    }

    internal async Task<DayGrid> DayAsync(DateOnly date, IReadOnlyCollection<GridBooking> bookings, string? viewerId, CancellationToken cancellationToken)
    {
        // Advisors no longer active still show on a day where they have bookings.
        var booked = bookings.Where(b => b.Status == BookingStatus.Active).Select(b => b.AdvisorId).ToHashSet();
        var advisors = (await FactsAsync(cancellationToken)).Advisors
            .Where(a => a.IsActive || booked.Contains(a.Id))
            .Select(a => new GridAdvisor(a.Id, ShortName(a.LastName, a.FirstName, a.Patronymic)));
        var open = Horizon.IsOpen(date, (await ShownDaysOffAsync(date, cancellationToken)).Contains(date));
        return SlotGrid.Build(date, advisors, bookings, viewerId, clock.LocalNow, closedDay: !open);
    }

    private async Task<MonthView> MonthAsync(DateOnly first, DateOnly? selected, HashSet<DateOnly> own, CancellationToken cancellationToken)
    {
        var last = MonthOf(first).Last;
        var daysOff = await ShownDaysOffAsync(first, cancellationToken);
        var horizon = Horizon;
        var days = Enumerable.Range(0, last.Day).Select(i => first.AddDays(i)).Select(day => new CalendarDay(
            day, horizon.StateOf(day, daysOff.Contains(day)), own.Contains(day), day == selected)).ToList();
        return new MonthView(first, days, horizon.HasMonthBefore(first), horizon.HasMonthAfter(last));
    }

    /// <summary>The advisors and days off from the first day of this month to the end of the horizon's month.</summary>
    private Task<CalendarFacts.Snapshot> FactsAsync(CancellationToken cancellationToken) =>
        facts.GetAsync(db, MonthOf(Today).First, MonthOf(LastBookableDay).Last, cancellationToken);

    /// <summary>The days off the calendar shows for a month: from <see cref="CalendarFacts"/>, or the database for far months.</summary>
    private async Task<IReadOnlySet<DateOnly>> ShownDaysOffAsync(DateOnly anyDayOfMonth, CancellationToken cancellationToken)
    {
        var (first, last) = MonthOf(anyDayOfMonth);
        var known = await FactsAsync(cancellationToken);
        return known.Covers(first, last) ? known.DaysOff : await DaysOffInMonthAsync(first, cancellationToken);
    }

    private async Task<HashSet<DateOnly>> DaysOffInMonthAsync(DateOnly anyDayOfMonth, CancellationToken cancellationToken)
    {
        var (first, last) = MonthOf(anyDayOfMonth);
        if (!daysOffByMonth.TryGetValue(first, out var daysOff))
        {
            daysOff = await ToSetAsync(CalendarFacts.DaysOffBetween(db, first, last), cancellationToken);
            daysOffByMonth[first] = daysOff;
        }

        return daysOff;
    }

    private static async Task<HashSet<DateOnly>> ToSetAsync(IAsyncEnumerable<DateOnly> dates, CancellationToken cancellationToken)
    {
        var set = new HashSet<DateOnly>();
        await foreach (var date in dates.WithCancellation(cancellationToken))
        {
            set.Add(date);
        }

        return set;
    }
}

public sealed record CalendarDay(DateOnly Date, DayState State, bool HasOwnBooking, bool IsSelected);

public sealed record MonthView(DateOnly FirstDay, IReadOnlyList<CalendarDay> Days, bool HasPrevious, bool HasNext);
