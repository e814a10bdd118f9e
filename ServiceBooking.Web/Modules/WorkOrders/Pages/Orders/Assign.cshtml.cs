using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using ServiceBooking.Web.Platform.Localization;

namespace ServiceBooking.Web.Modules.WorkOrders.Pages.Orders;

/// <summary>
/// A supervisor gives an order to a mechanic: posted from the order's page and back there, the refusal (off shift, busy,
/// taken a moment ago by another supervisor) shown beside the form. A page of its own so that its policy (supervisors
/// and the Admin) is checked before anything else; an unknown order is a 404.
/// </summary>
public sealed class Assign(WorkOrderService orders, IStringLocalizer<SharedResource> text) : PageModel
{
    public async Task<IActionResult> OnPostAsync(int id, string? mechanicId, CancellationToken cancellationToken)
    {
        switch (await orders.AssignAsync(id, mechanicId, WorkshopActor.Of(User), cancellationToken))
        {
            case OrderAssigned.NotFound:
                return NotFound();
            case OrderAssigned.Done done:
                TempData["StatusMessage"] = text["WorkOrders.Assigned", done.Order.Number.ToString(), done.Mechanic].Value;
                break;
            case OrderAssigned.Refused refused:
                TempData[Details.AssignErrorKey] = text.Message(refused.Error);
                break;
        }

        return RedirectToPage("Details", new { id });
    }
}
