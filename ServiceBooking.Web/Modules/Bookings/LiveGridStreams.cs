using System.Globalization;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Security.Claims;
using System.Text;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using ServiceBooking.Domain.Bookings;
using ServiceBooking.Web.Platform;
using ServiceBooking.Web.Platform.Components;
using ServiceBooking.Web.Platform.Hosting;
using ServiceBooking.Web.Platform.Live;

namespace ServiceBooking.Web.Modules.Bookings;

/// <summary>
/// The server-sent-event streams of the day grids: <c>/Booking/live?date=…</c> for any signed-in account (what a client
/// may see: free, busy, their own) and <c>/Manager/Calendar/live?date=…</c> for staff (who booked what).
/// </summary>
/// <remarks>
/// <para>Endpoints of the module rather than handlers of the pages: a stream lives for hours, and a page handler would
/// hold its page model and every scoped service it was built with (a pooled DbContext among them) all that time. Here
/// the stream holds its subscription and what it last sent, and reads its grid from memory (<see cref="LiveFrames"/>);
/// it takes nothing scoped from its request's services (the sign-in check builds Identity's in a scope of its own,
/// <c>SecurityStampCheck</c>), and its events go straight into the response's pipe (<see cref="EventStreamResult"/>).
/// They are authorized like the pages they belong to (the same policies as the page folders) and sit under their paths.</para>
/// <para>Each message is an HTML fragment for that viewer, for the htmx SSE extension: event <c>cells</c> carries a
/// sentence for the page's <c>aria-live</c> note and the changed cells as out-of-band swaps in a <c>template</c> (by
/// date, time and advisor, so a cell of another day is never touched); <c>resync</c> tells the page to re-fetch its grid (it lagged behind, the
/// advisors changed, or the page's grid was older than the stream); <c>ping</c> keeps the connection alive. The event id
/// is the day's version, so a browser that reconnects by itself says what it has (<c>Last-Event-ID</c>).</para>
/// </remarks>
public static class LiveGridStreams
{
    public const string ClientPath = "/Booking/live";
    public const string DeskPath = "/Manager/Calendar/live";

    public static IEndpointRouteBuilder MapLiveGrids(this IEndpointRouteBuilder app)
    {
        app.MapGet(ClientPath, (DateOnly date, long? v, HttpContext context) => Open(context, date, v, GridMode.Client))
            .RequireAuthorization();
        app.MapGet(DeskPath, (DateOnly date, long? v, HttpContext context) => Open(context, date, v, GridMode.Desk))
            .RequireAuthorization(Policies.Staff);
        return app;
    }

    private static IResult Open(HttpContext context, DateOnly date, long? v, GridMode mode)
    {
        var (subscription, refusal) = LiveStreams.Open(context, [LiveTopics.Day(date), LiveTopics.Calendar]);
        if (refusal is not null)
        {
            return refusal;
        }

        var viewer = context.User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var since = long.TryParse(context.Request.Headers["Last-Event-ID"], NumberStyles.None, CultureInfo.InvariantCulture, out var last) ? last : v;
        var stream = new GridStream(context.RequestServices, subscription!, date, mode, mode == GridMode.Client ? viewer : null, since, context.RequestAborted);
        return LiveStreams.Result(context, stream.EventsAsync());
    }

    /// <summary>One open stream: what it last sent, and how it finds what changed since.</summary>
    private sealed class GridStream(
        IServiceProvider requestServices, LiveSubscription subscription, DateOnly date, GridMode mode, string? viewerId, long? since, CancellationToken aborted)
    {
        private readonly LiveFrames _frames = requestServices.GetRequiredService<LiveFrames>();
        private readonly LiveOptions _options = requestServices.GetRequiredService<IOptions<LiveOptions>>().Value;
        private readonly WorkshopClock _clock = requestServices.GetRequiredService<WorkshopClock>();
        private readonly IStringLocalizer<SharedResource> _text = requestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        private readonly CancellationToken _stopping = requestServices.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;

        public async IAsyncEnumerable<SseItem<string>> EventsAsync([EnumeratorCancellation] CancellationToken requestAborted = default)
        {
            using var _ = subscription;
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(requestAborted, aborted, _stopping);
            var cancellationToken = stop.Token;

            // Sent at once, so the browser knows the stream is open; says how soon to come back when it ends.
            yield return new SseItem<string>(string.Empty, "ping") { ReconnectionInterval = LiveStreams.Reconnect };
            var sent = await FrameAsync(cancellationToken);
            if (since is { } seen && seen != sent.Version)
            {
                yield return Resync(sent);
            }

            var heartbeat = TimeSpan.FromSeconds(_options.HeartbeatSeconds);
            while (true)
            {
                // Today's cells close as their half-hours begin: look again at the next one.
                var wait = UntilNextHalfHour() is { } next && next < heartbeat ? next : heartbeat;
                IReadOnlySet<string>? topics;
                try
                {
                    topics = await subscription.NextAsync(wait, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    yield break;
                }

                if (topics is null)
                {
                    yield break; // the instance stopped listening, or is stopping: the browser reconnects
                }

                var fresh = await FrameAsync(cancellationToken);
                if (topics.Contains(LiveHub.Resync) || !SameColumns(sent.Grid, fresh.Grid))
                {
                    yield return Resync(fresh);
                }
                else if (_frames.Step(sent, fresh, Cells) is { } cells)
                {
                    yield return cells;
                }
                else if (topics.Count == 0)
                {
                    yield return new SseItem<string>(string.Empty, "ping");
                }

                sent = fresh;
            }
        }

        private Task<LiveFrame> FrameAsync(CancellationToken cancellationToken) => _frames.FrameAsync(date, mode, viewerId, cancellationToken);

        private TimeSpan? UntilNextHalfHour()
        {
            var now = _clock.LocalNow;
            if (DateOnly.FromDateTime(now) != date)
            {
                return null;
            }

            var next = TimeSlot.DayStarts.Select(start => date.ToDateTime(start)).FirstOrDefault(start => start > now);
            return next == default ? null : next - now + TimeSpan.FromMilliseconds(50);
        }

        private static bool SameColumns(DayGrid before, DayGrid after) =>
            before.Advisors.Select(a => a.Id).SequenceEqual(after.Advisors.Select(a => a.Id)) && before.Times.SequenceEqual(after.Times);

        private static List<(TimeOnly Start, int AdvisorId)> Changes(LiveFrame before, LiveFrame after)
        {
            var changed = new List<(TimeOnly, int)>();
            foreach (var start in after.Grid.Times)
            {
                foreach (var advisor in after.Grid.Advisors)
                {
                    if (before.StateOf(start, advisor.Id) != after.StateOf(start, advisor.Id))
                    {
                        changed.Add((start, advisor.Id));
                    }
                }
            }

            return changed;
        }

        private static SseItem<string> Resync(LiveFrame frame) =>
            new(string.Empty, "resync") { EventId = frame.Version.ToString(CultureInfo.InvariantCulture) };

        /// <summary>
        /// The cells that differ, after a sentence for screen readers (the page's polite live note); null when none do.
        /// Made once for every stream taking the same step (<see cref="LiveFrames.Step"/>), so it depends on the frames alone.
        /// </summary>
        private SseItem<string>? Cells(LiveFrame sent, LiveFrame frame)
        {
            var changed = Changes(sent, frame);
            if (changed.Count == 0)
            {
                return null;
            }

            var names = frame.Grid.Advisors.ToDictionary(a => a.Id, a => a.Name);
            var described = changed.Take(3).Select(cell =>
                $"{cell.Start.ToString("HH:mm", CultureInfo.InvariantCulture)}, {names[cell.AdvisorId]}: {_text[$"Booking.Cell.{frame.StateOf(cell.Start, cell.AdvisorId).State}"]}");
            var sentence = changed.Count <= 3
                ? _text["Live.CellsChanged", string.Join("; ", described)]
                : _text["Live.ManyCellsChanged", changed.Count];
            var data = new StringBuilder(changed.Count * 600);
            data.Append("<span>").Append(Html.Text(sentence)).Append("</span>");
            // Cells parse only inside a table or a template: htmx takes out-of-band swaps from a template's content.
            data.Append("<template>");
            foreach (var (start, advisorId) in changed)
            {
                data.Append(frame.OutOfBandCell(start, advisorId));
            }

            data.Append("</template>");

            return new SseItem<string>(data.ToString(), "cells") { EventId = frame.Version.ToString(CultureInfo.InvariantCulture) };
        }
    }
}
