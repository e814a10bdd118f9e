using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Options;
using ServiceBooking.Web.Platform;

namespace ServiceBooking.Web.Modules.Bookings;

/// <summary>
/// The frames live streams compare, from memory: after a booking every open stream of the day wakes at once, and
/// hundreds of them must not each take a scope and a database context to read the same day. The first to find the day
/// missing (re)reads and renders it in one scope of its own; the others wait for that and read the result.
/// </summary>
public sealed class LiveFrames(
    DayGridCache cache, CalendarFacts facts, WorkshopClock clock, IOptions<BookingOptions> options, IServiceScopeFactory scopes)
{
    private readonly ConcurrentDictionary<(DateOnly, GridMode, string), Task> _warming = new();

    public async Task<LiveFrame> FrameAsync(DateOnly date, GridMode mode, string? viewerId, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            if (InMemory(date, mode, viewerId) is { } frame)
            {
                return frame;
            }

            await WarmAsync(date, mode).WaitAsync(cancellationToken);
        }

        // Changing faster than it can be read (or not kept: this instance is not listening): read it for this stream.
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LiveGrids>().FrameAsync(date, mode, viewerId, cancellationToken);
    }

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

    private Task WarmAsync(DateOnly date, GridMode mode)
    {
        var key = (date, mode, CultureInfo.CurrentUICulture.Name);
        return _warming.GetOrAdd(key, _ => Run());

        async Task Run()
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<LiveGrids>().WarmAsync(date, mode, CancellationToken.None);
            }
            finally
            {
                _warming.TryRemove(key, out _);
            }
        }
    }
}
