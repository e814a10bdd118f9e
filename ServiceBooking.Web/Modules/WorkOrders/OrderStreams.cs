using ServiceBooking.Web.Platform.Hosting;
using ServiceBooking.Web.Platform.Live;

namespace ServiceBooking.Web.Modules.WorkOrders;

/// <summary>
/// The work orders' live streams (Platform/Live, as the booking grids'): <c>/Orders/{id}/live</c> for an order's page
/// (topic <c>order:{id}</c>) and <c>/Orders/live</c> for the list (topic <c>orders</c>). Each sends a bare
/// <c>changed</c> event, on which the page asks its own handlers for its parts again: so a stream tells nothing but that
/// something changed, and what is shown is always authorized by the page.
/// </summary>
/// <remarks>
/// Authorized exactly like the pages: the workshop's policy (clients get 403), and an order the reader may not see (a
/// mechanic's colleague's) is a 404. That check takes a scope of its own and gives it back before the stream starts, so
/// an open stream holds no database context.
/// </remarks>
public static class OrderStreams
{
    public const string ListPath = "/Orders/live";

    /// <summary>While its stream is down a page asks for its parts this often.</summary>
    public const int FallbackPollSeconds = 10;

    public static string OrderPath(int id) => $"/Orders/{id}/live";

    public static IEndpointRouteBuilder MapOrderStreams(this IEndpointRouteBuilder app)
    {
        app.MapGet(ListPath, (HttpContext context) => LiveStreams.Signals(context, [LiveTopics.Orders]))
            .RequireAuthorization(Policies.Workshop);
        app.MapGet("/Orders/{id:int}/live", OpenOrderAsync).RequireAuthorization(Policies.Workshop);
        return app;
    }

    private static async Task<IResult> OpenOrderAsync(int id, HttpContext context)
    {
        await using (var scope = context.RequestServices.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope())
        {
            var orders = scope.ServiceProvider.GetRequiredService<WorkOrderService>();
            if (!await orders.MaySeeAsync(id, WorkshopActor.Of(context.User), context.RequestAborted))
            {
                return TypedResults.NotFound();
            }
        }

        return LiveStreams.Signals(context, [LiveTopics.Order(id)]);
    }
}
