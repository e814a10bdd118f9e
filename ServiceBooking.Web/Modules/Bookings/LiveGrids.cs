using System.Globalization;
using Microsoft.AspNetCore.Html;
using ServiceBooking.Domain.Bookings;

namespace ServiceBooking.Web.Modules.Bookings;

/// <summary>A day's grid as a page sends it: the markup, the day's version and the ETag of this answer.</summary>
public sealed record LiveGrid(DateOnly Date, long Version, string ETag, IHtmlContent Markup);

/// <summary>
/// What a live stream compares and sends for one viewer: the day's grid as staff see it (<see cref="Main"/>), and for
/// a client the cell of their own booking (<see cref="OwnCell"/>) taken from <see cref="Own"/>.
/// </summary>
public sealed record LiveFrame(long Version, string ETag, GridMarkup Main, GridMarkup? Own, (TimeOnly Start, int AdvisorId)? OwnCell)
{
    public DayGrid Grid => Main.Grid;

    /// <summary>The state and booking of a cell for this viewer.</summary>
    public (CellState State, int? BookingId) StateOf(TimeOnly start, int advisorId)
    {
        var cell = Main.Grid.Cell(start, advisorId);
        return OwnCell == (start, advisorId) ? (CellState.Own, cell.BookingId) : (cell.State, cell.BookingId);
    }

    /// <summary>The cell as an out-of-band swap for this viewer's page.</summary>
    public string OutOfBandCell(TimeOnly start, int advisorId) =>
        (OwnCell == (start, advisorId) && Own is not null ? Own : Main).OutOfBandCell(Grid.Date, start, advisorId);
}

/// <summary>
/// A day's grids of one mode as rendered for every live stream of it at once (for a client's, with the "own" variant):
/// each viewer's frame is cut from them (<see cref="For"/>).
/// </summary>
public sealed record WarmGrids(CachedDay Day, string ETag, GridMarkup Main, GridMarkup? Own)
{
    /// <summary>The frame of <paramref name="viewerId"/> (null for staff): their own booking's cell taken from <see cref="Own"/>.</summary>
    public LiveFrame For(string? viewerId) =>
        Own is not null && viewerId is not null && Day.ActiveByClient.TryGetValue(viewerId, out var own)
            ? new LiveFrame(Day.Version, ETag, Main, Own, (own.Start, own.AdvisorId))
            : new LiveFrame(Day.Version, ETag, Main, null, null);
}

/// <summary>
/// The day grids of the booking pages, served from the rendered grids kept for the day's version
/// (<see cref="CachedDay.Markup"/>): an unchanged day is neither read nor rendered again, and a client's own booking
/// (one cell at most) is put in per request. The ETag is the day's version with what else the grid depends on, so
/// every instance gives the same one for the same grid.
/// </summary>
public sealed class LiveGrids(BookingCalendar calendar, GridRenderer renderer, IServiceScopeFactory scopes)
{
    /// <summary>The build, so that a new release of the site never answers 304 with an old page's grid.</summary>
    private static readonly string Build = typeof(LiveGrids).Assembly.ManifestModule.ModuleVersionId.ToString("N")[..8];

    public const string ClientPagePath = Pages.Booking.Index.Path;

    public const string DeskPagePath = Pages.Manager.Calendar.Index.Path;

    /// <summary>The ETag the grid of <paramref name="date"/> has now, without rendering it.</summary>
    public async Task<string> ETagAsync(DateOnly date, GridMode mode, CancellationToken cancellationToken)
    {
        var day = await calendar.CachedDayAsync(date, cancellationToken);
        var state = await calendar.GridStateAsync(date, cancellationToken);
        return ETag(mode, day.Version, state.Open, state.Started);
    }

    /// <summary>The client's grid: others' bookings "busy", the client's own "yours".</summary>
    public async Task<LiveGrid> ClientAsync(DateOnly date, string viewerId, CancellationToken cancellationToken)
    {
        var frame = await FrameAsync(date, GridMode.Client, viewerId, cancellationToken);
        var markup = frame.OwnCell is { } own && frame.Own is not null
            ? frame.Main.WithCell(frame.Own, own.Start, own.AdvisorId)
            : frame.Main.AsIs();
        return new LiveGrid(date, frame.Version, frame.ETag, markup);
    }

    /// <summary>The desk's grid, with who booked what.</summary>
    public async Task<LiveGrid> DeskAsync(DateOnly date, CancellationToken cancellationToken)
    {
        var frame = await FrameAsync(date, GridMode.Desk, viewerId: null, cancellationToken);
        return new LiveGrid(date, frame.Version, frame.ETag, frame.Main.AsIs());
    }

    /// <summary>The grid for one viewer (<paramref name="mode"/> Client or Desk), for a page or a stream.</summary>
    public async Task<LiveFrame> FrameAsync(DateOnly date, GridMode mode, string? viewerId, CancellationToken cancellationToken)
    {
        var day = await calendar.CachedDayAsync(date, cancellationToken);
        var state = await calendar.GridStateAsync(date, cancellationToken);
        var main = await MarkupAsync(day, mode, state, cancellationToken);
        var etag = ETag(mode, day.Version, state.Open, state.Started);
        if (mode != GridMode.Client || viewerId is null || !day.ActiveByClient.TryGetValue(viewerId, out var own))
        {
            return new LiveFrame(day.Version, etag, main, null, null);
        }

        var owned = await MarkupAsync(day, GridMode.ClientOwn, state, cancellationToken);
        return new LiveFrame(day.Version, etag, main, owned, (own.Start, own.AdvisorId));
    }

    /// <summary>Renders the grids a stream of <paramref name="mode"/> needs (for a client, also the "own" variant).</summary>
    public async Task<WarmGrids> WarmAsync(DateOnly date, GridMode mode, CancellationToken cancellationToken)
    {
        var day = await calendar.CachedDayAsync(date, cancellationToken);
        var state = await calendar.GridStateAsync(date, cancellationToken);
        var main = await MarkupAsync(day, mode, state, cancellationToken);
        var own = mode == GridMode.Client ? await MarkupAsync(day, GridMode.ClientOwn, state, cancellationToken) : null;
        return new WarmGrids(day, ETag(mode, day.Version, state.Open, state.Started), main, own);
    }

    private async Task<GridMarkup> MarkupAsync(CachedDay day, GridMode mode, (bool Open, int Started, long Facts) state, CancellationToken cancellationToken)
    {
        var key = new GridMarkupKey(mode, CultureInfo.CurrentUICulture.Name, state.Facts, state.Open, state.Started);
        var rendering = day.Markup.GetOrAdd(key, _ => new Lazy<Task<GridMarkup>>(() => RenderAsync(day, mode)));
        try
        {
            return await rendering.Value.WaitAsync(cancellationToken);
        }
        catch when (rendering.Value.IsFaulted)
        {
            ((ICollection<KeyValuePair<GridMarkupKey, Lazy<Task<GridMarkup>>>>)day.Markup).Remove(new(key, rendering));
            throw;
        }
    }

    /// <summary>Renders once for everyone waiting, in a scope of its own (no caller's cancellation stops it).</summary>
    private async Task<GridMarkup> RenderAsync(CachedDay day, GridMode mode)
    {
        await using var scope = scopes.CreateAsyncScope();
        var own = scope.ServiceProvider.GetRequiredService<BookingCalendar>();
        var grid = await own.DayAsync(day.Date, day.Bookings, viewerId: null, CancellationToken.None);
        IReadOnlyDictionary<int, BookingSummary>? details = null;
        if (mode == GridMode.ClientOwn)
        {
            // Every booking shown as one's own: where each viewer's own cell is cut from.
            grid = grid with
            {
                Cells = grid.Cells.ToDictionary(c => c.Key, c => c.Value.State == CellState.Busy ? c.Value with { State = CellState.Own } : c.Value),
            };
        }
        else if (mode == GridMode.Desk)
        {
            details = await day.SummariesAsync(async () =>
            {
                await using var reading = scopes.CreateAsyncScope();
                return await reading.ServiceProvider.GetRequiredService<BookingDesk>().SummariesAsync(day.Date, CancellationToken.None);
            });
        }

        var html = await renderer.RenderAsync(grid, mode == GridMode.Desk ? DeskPagePath : ClientPagePath, details);
        return GridMarkup.Index(html, grid);
    }

    internal static string ETag(GridMode mode, long version, bool open, int started) => string.Create(CultureInfo.InvariantCulture,
        $"\"{(mode == GridMode.Desk ? 'd' : 'c')}{version}-{(open ? 'o' : 'x')}{started}-{CultureInfo.CurrentUICulture.Name}-{Build}\"");
}
