using System.Collections.Concurrent;
using ServiceBooking.Domain.Bookings;
using ServiceBooking.Web.Platform.Live;

namespace ServiceBooking.Web.Modules.Bookings;

/// <summary>
/// Each day's bookings as the grid shows them, with the day's version, kept in memory while this instance listens for
/// changes and dropped when the database says the day changed (topic <c>day:…</c>) or the working calendar did; also
/// the day's rendered grids (<see cref="CachedDay.Markup"/>), so that an unchanged day is served without the database
/// and without rendering. Another instance's booking invalidates it as soon as its notification arrives (milliseconds),
/// this instance's own at its commit (<see cref="LiveSaves"/>). Booking rules never read from here.
/// </summary>
/// <remarks>
/// A reader takes a <see cref="Ticket"/> before it reads the database and stores what it read only if nothing
/// invalidated the day meanwhile, so a notification that overtakes a slow read cannot leave the older rows behind.
/// While the listener is down nothing is kept: every grid reads the database.
/// </remarks>
public sealed class DayGridCache : ILiveObserver
{
    /// <summary>How far from today days are kept: this month's first day back, the horizon's month ahead (and some).</summary>
    private const int KeptDaysBack = 40;

    private readonly ConcurrentDictionary<DateOnly, Slot> _days = new();
    private readonly ConcurrentDictionary<DateOnly, Flight> _flights = new();
    private readonly LiveHub _hub;
    private long _epoch;

    public DayGridCache(LiveHub hub)
    {
        _hub = hub;
        hub.Observe(this);
    }

    /// <summary>Whether what is read now may be kept (this instance hears of every change).</summary>
    public bool IsUsable => _hub.IsListening;

    /// <summary>The day as last read, if it is still current.</summary>
    public CachedDay? Find(DateOnly date) =>
        _hub.IsListening && _days.TryGetValue(date, out var slot) && slot.Day is { } day && slot.Epoch == Volatile.Read(ref _epoch) ? day : null;

    /// <summary>Taken before reading the database for <paramref name="date"/>.</summary>
    public Ticket Take(DateOnly date) => new(date, _days.GetValueOrDefault(date), Volatile.Read(ref _epoch), _hub.IsListening);

    /// <summary>Keeps what was read with <paramref name="ticket"/>, unless the day changed since the ticket was taken.</summary>
    public void Keep(Ticket ticket, CachedDay day, DateOnly today, int horizonDays)
    {
        if (!ticket.Listening || !_hub.IsListening || ticket.Date < today.AddDays(-KeptDaysBack) || ticket.Date > today.AddDays(horizonDays + KeptDaysBack))
        {
            return;
        }

        var fresh = new Slot(day, ticket.Epoch);
        if (ticket.Seen is null)
        {
            _days.TryAdd(ticket.Date, fresh);
        }
        else
        {
            _days.TryUpdate(ticket.Date, fresh, ticket.Seen);
        }
    }

    /// <summary>
    /// Reads a day once however many ask at the same moment (every open stream of the day wakes on the same
    /// notification): callers with the same <see cref="Ticket"/> share one read, which no caller's cancellation stops.
    /// </summary>
    public Task<CachedDay> LoadAsync(DateOnly date, DateOnly today, int horizonDays, Func<Task<CachedDay>> read)
    {
        var ticket = Take(date);
        var fresh = new Flight(ticket);
        var flight = _flights.AddOrUpdate(date, fresh, (_, running) => running.Ticket == ticket ? running : fresh);
        if (flight == fresh)
        {
            _ = RunAsync();
        }

        return flight.Done.Task;

        async Task RunAsync()
        {
            try
            {
                var day = await read();
                Keep(ticket, day, today, horizonDays);
                fresh.Done.SetResult(day);
            }
            catch (Exception error)
            {
                fresh.Done.SetException(error);
            }
            finally
            {
                ((ICollection<KeyValuePair<DateOnly, Flight>>)_flights).Remove(new(date, fresh));
            }
        }
    }

    /// <summary>Forgets every day (the tests' database reset; an operator's bulk change is told by its TRUNCATE trigger).</summary>
    public void Clear() => Reset();

    public void Changed(string topic)
    {
        if (topic == LiveTopics.Calendar)
        {
            Reset();
        }
        else if (LiveTopics.TryParseDay(topic, out var date))
        {
            // A new tombstone each time: a reader holding the previous slot can no longer store over it.
            _days[date] = new Slot(null, Volatile.Read(ref _epoch));
        }
    }

    public void Reset()
    {
        Interlocked.Increment(ref _epoch);
        _days.Clear();
    }

    public readonly record struct Ticket(DateOnly Date, Slot? Seen, long Epoch, bool Listening);

    private sealed class Flight(Ticket ticket)
    {
        public Ticket Ticket { get; } = ticket;

        public TaskCompletionSource<CachedDay> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>A day's entry: what was read (null once invalidated), and the epoch it belongs to. Compared by reference.</summary>
    public sealed class Slot(CachedDay? day, long epoch)
    {
        public CachedDay? Day { get; } = day;

        public long Epoch { get; } = epoch;
    }
}

/// <summary>One day as read at <see cref="Version"/>: every booking of it (active or cancelled), the active ones by client.</summary>
public sealed class CachedDay(DateOnly date, long version, IReadOnlyList<GridBooking> bookings)
{
    public DateOnly Date { get; } = date;

    /// <summary>The day's version (<c>live_versions</c>: the day's and the working calendar's, whichever is later).</summary>
    public long Version { get; } = version;

    public IReadOnlyList<GridBooking> Bookings { get; } = bookings;

    /// <summary>Each client's active booking that day (one at most: a unique index says so).</summary>
    public IReadOnlyDictionary<string, GridBooking> ActiveByClient { get; } = bookings
        .Where(b => b.Status == BookingStatus.Active)
        .GroupBy(b => b.ClientId, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

    /// <summary>
    /// The grids rendered from this version, by what else they depend on (culture, time of day, …); each is rendered
    /// once, however many requests and streams want it at the same moment.
    /// </summary>
    public ConcurrentDictionary<GridMarkupKey, Lazy<Task<GridMarkup>>> Markup { get; } = new();

    private Task<IReadOnlyDictionary<int, BookingSummary>>? _summaries;

    /// <summary>Who booked what (staff only), read once for this version by the first desk that needs it.</summary>
    public Task<IReadOnlyDictionary<int, BookingSummary>> SummariesAsync(Func<Task<IReadOnlyDictionary<int, BookingSummary>>> read)
    {
        var known = Volatile.Read(ref _summaries);
        if (known is not null && !known.IsFaulted)
        {
            return known;
        }

        var started = read();
        return Interlocked.CompareExchange(ref _summaries, started, known) == known ? started : _summaries!;
    }
}
