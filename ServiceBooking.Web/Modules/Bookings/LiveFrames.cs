using System.Collections.Concurrent;
using System.Globalization;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;
using ServiceBooking.Web.Platform;

namespace ServiceBooking.Web.Modules.Bookings;

/// <summary>
/// The frames live streams compare, from memory: after a booking every open stream of the day wakes at once, and
/// hundreds of them must not each take a scope and a database context to read the same day. The first to find the day
/// missing (re)reads and renders it in one scope of its own; the others wait for that and cut their frames from it.
/// </summary>
public sealed class LiveFrames(
    DayGridCache cache, CalendarFacts facts, WorkshopClock clock, IOptions<BookingOptions> options, IServiceScopeFactory scopes)
{
    private readonly ConcurrentDictionary<(DayGridCache.Ticket, GridMode, string), Task<WarmGrids>> _warming = new();

    /// <summary>The events made for steps to a grid, by the grid they lead to (kept no longer than it is).</summary>
    private readonly ConditionalWeakTable<GridMarkup, ConcurrentDictionary<StepKey, SseItem<string>?>> _steps = new();

    public async Task<LiveFrame> FrameAsync(DateOnly date, GridMode mode, string? viewerId, CancellationToken cancellationToken)
    {
        if (InMemory(date, mode, viewerId) is { } frame)
        {
            return frame;
        }

        // Shared by every stream of the day and mode that looked when the cache held the same (the same ticket): so a
        // stream never joins a read that began before the change it woke for, and never takes a scope of its own.
        var warmed = await WarmAsync(cache.Take(date), mode).WaitAsync(cancellationToken);
        return warmed.For(viewerId);
    }

    /// <summary>
    /// The event that takes a page from <paramref name="sent"/> to <paramref name="fresh"/> (null: nothing to send), made
    /// once for every stream that takes the same step: after a booking hundreds of streams of a day send the same cells.
    /// </summary>
    /// <remarks>What a frame shows is its ETag (mode, version, time of day, culture) with the viewer's own cell.</remarks>
    public SseItem<string>? Step(LiveFrame sent, LiveFrame fresh, Func<LiveFrame, LiveFrame, SseItem<string>?> make) =>
        _steps.GetOrCreateValue(fresh.Main).GetOrAdd(new StepKey(sent.ETag, sent.OwnCell, fresh.ETag, fresh.OwnCell), _ => make(sent, fresh));

    private LiveFrame? InMemory(DateOnly date, GridMode mode, string? viewerId)
    {
        if (cache.Find(date) is not { } day || BookingCalendar.GridStateInMemory(date, facts, clock, options.Value.HorizonDays) is not { } state)
        {
            return null;
        }

        var culture = CultureInfo.CurrentUICulture.Name;
        if (!Rendered(day, new GridMarkupKey(mode, culture, state.Facts, state.Open, state.Started), out var main))
        {
            return null;
        }

        var etag = LiveGrids.ETag(mode, day.Version, state.Open, state.Started);
        if (mode != GridMode.Client || viewerId is null || !day.ActiveByClient.TryGetValue(viewerId, out var own))
        {
            return new LiveFrame(day.Version, etag, main, null, null);
        }

        return Rendered(day, new GridMarkupKey(GridMode.ClientOwn, culture, state.Facts, state.Open, state.Started), out var owned)
            ? new LiveFrame(day.Version, etag, main, owned, (own.Start, own.AdvisorId))
            : null;
    }

    private static bool Rendered(CachedDay day, GridMarkupKey key, out GridMarkup markup)
    {
        if (day.Markup.TryGetValue(key, out var rendering) && rendering.IsValueCreated && rendering.Value.IsCompletedSuccessfully)
        {
            markup = rendering.Value.Result;
            return true;
        }

        markup = default!;
        return false;
    }

    private Task<WarmGrids> WarmAsync(DayGridCache.Ticket ticket, GridMode mode)
    {
        var key = (ticket, mode, CultureInfo.CurrentUICulture.Name);
        if (_warming.TryGetValue(key, out var running))
        {
            return running;
        }

        var done = new TaskCompletionSource<WarmGrids>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_warming.TryAdd(key, done.Task))
        {
            return WarmAsync(ticket, mode); // another stream started it a moment ago
        }

        _ = RunAsync();
        return done.Task;

        async Task RunAsync()
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                done.SetResult(await scope.ServiceProvider.GetRequiredService<LiveGrids>().WarmAsync(ticket.Date, mode, CancellationToken.None));
            }
            catch (Exception error)
            {
                done.SetException(error);
            }
            finally
            {
                ((ICollection<KeyValuePair<(DayGridCache.Ticket, GridMode, string), Task<WarmGrids>>>)_warming).Remove(new(key, done.Task));
            }
        }
    }

    private readonly record struct StepKey(string From, (TimeOnly, int)? FromOwn, string To, (TimeOnly, int)? ToOwn);
}
