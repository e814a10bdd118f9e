using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Security.Claims;
using Microsoft.Extensions.Options;

namespace ServiceBooking.Web.Platform.Live;

/// <summary>
/// Opening a page's server-sent-event stream, for every kind of live page: one account's streams are counted
/// (<see cref="LiveOptions.StreamsPerUser"/>, 429 beyond), and none opens while this instance is not listening (503: the
/// page polls meanwhile). <see cref="Signals"/> is the simplest stream: a bare <c>changed</c> event when a topic changed,
/// on which the page re-fetches its parts through its own (authorized) handlers, so the stream itself carries nothing a
/// reader could not see.
/// </summary>
public static class LiveStreams
{
    /// <summary>The event a <see cref="Signals"/> stream sends when one of its topics changed.</summary>
    public const string Changed = "changed";

    /// <summary>How long a browser waits before reconnecting after a stream ends.</summary>
    public static readonly TimeSpan Reconnect = TimeSpan.FromSeconds(2);

    /// <summary>
    /// A subscription to <paramref name="topics"/> for the signed-in viewer, counted against their limit; or the answer
    /// that refuses it (429, 503). Hand the subscription's events to <see cref="Result"/>, which releases the count.
    /// </summary>
    public static (LiveSubscription? Subscription, IResult? Refusal) Open(HttpContext context, IReadOnlyCollection<string> topics)
    {
        var services = context.RequestServices;
        var limits = services.GetRequiredService<LiveStreamCount>();
        var viewer = context.User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        if (!limits.TryEnter(viewer))
        {
            context.Response.Headers.RetryAfter = "30";
            return (null, TypedResults.StatusCode(StatusCodes.Status429TooManyRequests));
        }

        var subscription = services.GetRequiredService<LiveHub>().Subscribe(topics);
        if (subscription is null)
        {
            // Not listening: this instance would not hear of changes. The page polls meanwhile.
            limits.Leave(viewer);
            context.Response.Headers.RetryAfter = "5";
            return (null, TypedResults.StatusCode(StatusCodes.Status503ServiceUnavailable));
        }

        return (subscription, null);
    }

    /// <summary>The stream's answer; the viewer's count is released when it ends.</summary>
    public static IResult Result(HttpContext context, IAsyncEnumerable<SseItem<string>> events)
    {
        context.Response.Headers["X-Accel-Buffering"] = "no"; // a proxy in front must pass each event on at once
        return new EventStreamResult(Counted(events, context.RequestServices.GetRequiredService<LiveStreamCount>(),
            context.User.FindFirstValue(ClaimTypes.NameIdentifier)!));
    }

    /// <summary>
    /// A stream of <see cref="Changed"/> events, one per wake-up however many of <paramref name="topics"/> changed (or
    /// when it lagged behind), with keep-alives between; it ends when the instance stops listening.
    /// </summary>
    public static IResult Signals(HttpContext context, IReadOnlyCollection<string> topics)
    {
        var (subscription, refusal) = Open(context, topics);
        return refusal ?? Result(context, SignalsAsync(context.RequestServices, subscription!));
    }

    private static async IAsyncEnumerable<SseItem<string>> SignalsAsync(
        IServiceProvider services, LiveSubscription subscription, [EnumeratorCancellation] CancellationToken requestAborted = default)
    {
        using var _ = subscription;
        var heartbeat = TimeSpan.FromSeconds(services.GetRequiredService<IOptions<LiveOptions>>().Value.HeartbeatSeconds);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(
            requestAborted, services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping);
        yield return new SseItem<string>(string.Empty, "ping") { ReconnectionInterval = Reconnect };
        while (true)
        {
            IReadOnlySet<string>? topics;
            try
            {
                topics = await subscription.NextAsync(heartbeat, stop.Token);
            }
            catch (OperationCanceledException)
            {
                yield break;
            }

            if (topics is null)
            {
                yield break; // the instance stopped listening, or is stopping: the browser reconnects
            }

            yield return new SseItem<string>(string.Empty, topics.Count == 0 ? "ping" : Changed);
        }
    }

    private static async IAsyncEnumerable<SseItem<string>> Counted(
        IAsyncEnumerable<SseItem<string>> events, LiveStreamCount limits, string viewer, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        try
        {
            await foreach (var item in events.WithCancellation(cancellationToken))
            {
                yield return item;
            }
        }
        finally
        {
            limits.Leave(viewer);
        }
    }
}
