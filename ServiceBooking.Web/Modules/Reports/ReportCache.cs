using System.Collections.Concurrent;
using ServiceBooking.Web.Platform.Live;

namespace ServiceBooking.Web.Modules.Reports;

/// <summary>
/// The summaries this instance computed, kept until the data changes: any committed change to bookings, the working
/// calendar, work orders or pick-ups (the live topics the database publishes to every instance) drops them all, and
/// none is kept longer than <see cref="ReportsOptions.SummarySeconds"/> (the hours of open shifts and orders grow by
/// themselves, and shifts are not published). While the listener is down nothing is kept. One computation per period at
/// a time: managers asking for the same month at once wait for the same answer.
/// </summary>
public sealed class ReportCache : ILiveObserver
{
    /// <summary>Periods kept at most; beyond, all are dropped (a manager rarely looks at more than a few).</summary>
    private const int MaxEntries = 64;

    private readonly ConcurrentDictionary<Key, Entry> _entries = new();
    private readonly LiveHub _hub;
    private long _epoch;

    public ReportCache(LiveHub hub)
    {
        _hub = hub;
        hub.Observe(this);
    }

    public void Changed(string topic) => Interlocked.Increment(ref _epoch);

    public void Reset() => Interlocked.Increment(ref _epoch);

    /// <summary>The summary of (<paramref name="from"/>, <paramref name="to"/>), computed by <paramref name="compute"/> unless a current one is kept.</summary>
    public async Task<ReportSummary> GetAsync(DateOnly from, DateOnly to, string culture, DateTimeOffset now, TimeSpan maxAge, Func<Task<ReportSummary>> compute)
    {
        if (maxAge <= TimeSpan.Zero || !_hub.IsListening)
        {
            return await compute();
        }

        var key = new Key(from, to, culture);
        var epoch = Volatile.Read(ref _epoch);
        bool Current(Entry entry) => entry.Epoch == epoch && now - entry.At < maxAge && now >= entry.At
            && !(entry.Work.IsValueCreated && (entry.Work.Value.IsFaulted || entry.Work.Value.IsCanceled));
        Entry Fresh() => new(epoch, now, new Lazy<Task<ReportSummary>>(compute));
        if (_entries.Count > MaxEntries)
        {
            _entries.Clear();
        }

        // The entry holds the computation not started: only the one the dictionary keeps is run.
        var entry = _entries.AddOrUpdate(key, _ => Fresh(), (_, kept) => Current(kept) ? kept : Fresh());
        try
        {
            return await entry.Work.Value;
        }
        catch
        {
            _entries.TryRemove(KeyValuePair.Create(key, entry));
            throw;
        }
    }

    private readonly record struct Key(DateOnly From, DateOnly To, string Culture);

    private sealed record Entry(long Epoch, DateTimeOffset At, Lazy<Task<ReportSummary>> Work);
}
