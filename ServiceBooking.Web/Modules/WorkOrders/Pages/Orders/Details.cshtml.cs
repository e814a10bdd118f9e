using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using ServiceBooking.Web.Platform.Localization;

namespace ServiceBooking.Web.Modules.WorkOrders.Pages.Orders;

/// <summary>
/// One order at <c>/Orders/{id}</c>: its details, its history from the audit trail and, for a supervisor, the form that
/// gives it to a mechanic. An unknown id, or another mechanic's order, is a 404. The stages' forms (part 2) go where
/// the page says so.
/// </summary>
public sealed class Details(WorkOrderService orders, IStringLocalizer<SharedResource> text) : PageModel
{
    [FromRoute]
    public int Id { get; set; }

    public OrderDetails Order { get; private set; } = default!;

    [TempData]
    public string? StatusMessage { get; set; }

    /// <summary>The assignment's refusal, shown beside its form.</summary>
    public string? AssignError { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await orders.DetailsAsync(Id, WorkshopActor.Of(User), cancellationToken) is not { } order)
        {
            return NotFound();
        }

        Order = order;
        return Page();
    }

    public async Task<IActionResult> OnPostAssignAsync(string? mechanicId, CancellationToken cancellationToken)
    {
        var actor = WorkshopActor.Of(User);
        if (!actor.Supervises)
        {
            return Forbid();
        }

        switch (await orders.AssignAsync(Id, mechanicId, actor, cancellationToken))
        {
            case OrderAssigned.NotFound:
                return NotFound();
            case OrderAssigned.Done done:
                StatusMessage = text["WorkOrders.Assigned", done.Order.Number.ToString(), done.Mechanic].Value;
                return RedirectToPage(new { id = Id });
            case OrderAssigned.Refused refused:
                AssignError = text.Message(refused.Error);
                Order = (await orders.DetailsAsync(Id, actor, cancellationToken))!;
                return Page();
            default:
                throw new InvalidOperationException("Unknown outcome.");
        }
    }
}
