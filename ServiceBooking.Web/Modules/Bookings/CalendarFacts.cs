using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using ServiceBooking.Domain.Bookings;
using ServiceBooking.Web.Platform.Data;

namespace ServiceBooking.Web.Modules.Bookings;

/// <summary>
/// The service advisors and the days off: every grid and calendar reads them, an Admin changes them a few times a year.
/// They are kept in memory for <see cref="Lifetime"/> at most and dropped at once when this instance saves a change to
/// either (<see cref="CalendarFactsInterceptor"/>); a change saved by another instance of the site shows within the
/// lifetime. Only what the grid and calendar display comes from here: booking rules read the database.
/// </summary>
public sealed class CalendarFacts(TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(10);

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

    /// <summary>All advisors (active or not, in name order) and the days off from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public async Task<Snapshot> GetAsync(ApplicationDbContext db, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var known = Volatile.Read(ref _snapshot);
        if (known is not null && known.From == from && known.To == to && time.GetUtcNow() < known.Expires)
        {
            return known;
        }

        var version = Interlocked.Read(ref _version);
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

        var fresh = new Snapshot(from, to, advisors, daysOff, time.GetUtcNow() + Lifetime);
        if (Interlocked.Read(ref _version) == version)
        {
            // Kept only when nothing changed while it was read.
            Volatile.Write(ref _snapshot, fresh);
        }

        return fresh;
    }

    public sealed record FactsAdvisor(int Id, string LastName, string FirstName, string? Patronymic, bool IsActive);

    public sealed record Snapshot(DateOnly From, DateOnly To, IReadOnlyList<FactsAdvisor> Advisors, IReadOnlySet<DateOnly> DaysOff, DateTimeOffset Expires)
    {
        public bool Covers(DateOnly first, DateOnly last) => first >= From && last <= To;
    }
}

/// <summary>Tells <see cref="CalendarFacts"/> when this instance saves advisors or days off: before the save, and after it.</summary>
public sealed class CalendarFactsInterceptor(CalendarFacts facts) : SaveChangesInterceptor
{
    private static readonly ConditionalWeakTable<DbContext, object> Saving = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Note(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Done(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Done(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Done(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Done(eventData.Context);
        return Task.CompletedTask;
    }

    private void Note(DbContext? context)
    {
        if (context is not null && context.ChangeTracker.Entries()
                .Any(e => e.Entity is ServiceAdvisor or DayOff && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted))
        {
            Saving.AddOrUpdate(context, facts);
            facts.Changed();
        }
    }

    private void Done(DbContext? context)
    {
        if (context is not null && Saving.Remove(context))
        {
            facts.Changed();
        }
    }
}
