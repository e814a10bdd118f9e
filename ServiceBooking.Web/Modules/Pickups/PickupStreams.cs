using ServiceBooking.Web.Platform.Hosting;
using ServiceBooking.Web.Platform.Live;

namespace ServiceBooking.Web.Modules.Pickups;

/// <summary>
/// The pick-ups' live stream (Platform/Live, as the orders' list): <c>/Pickups/live</c> sends a bare <c>changed</c>
/// whenever any request is added or changes (topic <c>pickups</c>, published by the <c>LivePickups</c> triggers); the
/// desk's table and the driver's page then ask their own handlers again, which authorize what they show.
/// </summary>
public static class PickupStreams
{
    public const string Path = "/Pickups/live";

    /// <summary>While the stream is down a page asks again this often.</summary>
    public const int FallbackPollSeconds = 10;

    public static IEndpointRouteBuilder MapPickupStreams(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, (HttpContext context) => LiveStreams.Signals(context, [LiveTopics.Pickups]))
            .RequireAuthorization(Policies.PickupsLive);
        return app;
    }
}
