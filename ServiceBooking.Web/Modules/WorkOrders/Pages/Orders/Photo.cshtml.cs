using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ServiceBooking.Web.Modules.WorkOrders.Pages.Orders;

/// <summary>
/// A photo of an order (the car in the shop, a receipt, the contract), for the order's staff only; a 404 for anyone
/// else and for a name that is not one of the order's photos. Private to the browser's cache.
/// </summary>
public sealed class Photo(OrderStages stages) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, string name, CancellationToken cancellationToken)
    {
        if (await stages.PhotoPathAsync(id, name, WorkshopActor.Of(User), cancellationToken) is not { } path)
        {
            return NotFound();
        }

        // A photo opened on its own runs nothing, whatever it holds.
        Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; sandbox";
        Response.Headers.CacheControl = "private, max-age=86400";
        return PhysicalFile(path, OrderPhotos.ContentTypeOf(path));
    }
}
