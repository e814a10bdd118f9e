using Microsoft.EntityFrameworkCore;
using ServiceBooking.Web.Platform.Data;
using ServiceBooking.Web.Platform.Live;

namespace ServiceBooking.Web.Modules.Bookings;

/// <summary>
/// The service advisors and the days off: every grid and calendar reads them, an Admin changes them a few times a year.
/// They are kept in memory and dropped when the database says the working calendar changed (topic
/// <see cref="LiveTopics.Calendar"/>, published by triggers on commit, whichever instance or tool wrote it), so another
/// instance's change shows at once. While this instance is not listening (its connection for notifications is down)
/// what was read is kept for <see cref="Lifetime"/> at most. Only what the grid and calendar display comes from here:
/// booking rules read the database.
/// </summary>
public sealed class CalendarFacts : ILiveObserver
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(10);

    private static long _reads;

    private readonly TimeProvider time;
    private readonly LiveHub hub;

    public CalendarFacts(TimeProvider time, LiveHub hub)
    {
        this.time = time;
        this.hub = hub;
        hub.Observe(this);
    }

    private static readonly Func<ApplicationDbContext, IAsyncEnumerable<FactsAdvisor>> AllAdvisors =
        EF.CompileAsyncQuery((ApplicationDbContext db) => db.ServiceAdvisors
            .OrderBy(a => a.LastName).ThenBy(a => a.FirstName)
            .Select(a => new FactsAdvisor(a.Id, a.LastName, a.FirstName, a.Patronymic, a.IsActive)));

    /// <summary>The days off from one date to another, straight from the database.</summary>
    internal static readonly Func<ApplicationDbContext, DateOnly, DateOnly, IAsyncEnumerable<DateOnly>> DaysOffBetween =
        EF.CompileAsyncQuery((ApplicationDbContext db, DateOnly from, DateOnly to) => db.DaysOff
            .Where(d => d.Date >= from && d.Date <= to)
            .Select(d => d.Date));

    private Snapshot? _snapshot;
    private long _version;

    /// <summary>Forgets what was read, so that the next grid reads the database.</summary>
    public void Changed()
    {
        Interlocked.Increment(ref _version);
        Volatile.Write(ref _snapshot, null);
    }

    /// <summary>What is in memory for that range, if it is still current; null when it would have to be read.</summary>
    public Snapshot? Current(DateOnly from, DateOnly to)
    {
        var known = Volatile.Read(ref _snapshot);
        return known is not null && known.From == from && known.To == to && (known.Listened || time.GetUtcNow() < known.Expires) ? known : null;
    }

    /// <summary>All advisors (active or not, in name order) and the days off from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public async Task<Snapshot> GetAsync(ApplicationDbContext db, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        if (Current(from, to) is { } known)
        {
            return known;
        }

        var version = Interlocked.Read(ref _version);
        var listened = hub.IsListening;
        var advisors = new List<FactsAdvisor>();
        await foreach (var advisor in AllAdvisors(db).WithCancellation(cancellationToken))
        {
            advisors.Add(advisor);
        }

        var daysOff = new HashSet<DateOnly>();
        await foreach (var day in DaysOffBetween(db, from, to).WithCancellation(cancellationToken))
        {
            daysOff.Add(day);
        }

        var fresh = new Snapshot(from, to, advisors, daysOff, time.GetUtcNow() + Lifetime, listened, Interlocked.Increment(ref _reads));
        if (Interlocked.Read(ref _version) == version)
        {
            // Kept only when nothing changed while it was read.
            Volatile.Write(ref _snapshot, fresh);
        }

        return fresh;
    }

    public sealed record FactsAdvisor(int Id, string LastName, string FirstName, string? Patronymic, bool IsActive);

    void ILiveObserver.Changed(string topic)
    {
        if (topic == LiveTopics.Calendar)
        {
            Changed();
        }
    }

    void ILiveObserver.Reset() => Changed();

    /// <summary>
    /// What was read: kept until the calendar changes when it was read while listening (<paramref name="Listened"/>),
    /// else until <paramref name="Expires"/>. <paramref name="Id"/> tells one reading from another (for caches of what
    /// was made from it).
    /// </summary>
    public sealed record Snapshot(
        DateOnly From, DateOnly To, IReadOnlyList<FactsAdvisor> Advisors, IReadOnlySet<DateOnly> DaysOff, DateTimeOffset Expires, bool Listened, long Id)
    {
        public bool Covers(DateOnly first, DateOnly last) => first >= From && last <= To;
    }
}
