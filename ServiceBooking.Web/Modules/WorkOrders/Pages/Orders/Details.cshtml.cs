using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ServiceBooking.Web.Modules.WorkOrders.Pages.Orders;

/// <summary>
/// One order at <c>/Orders/{id}</c>: its details, its history from the audit trail and, for a supervisor, the form that
/// gives it to a mechanic (posted to <see cref="Assign"/>). An unknown id, or another mechanic's order, is a 404. The stages' forms (part 2) go where
/// the page says so.
/// </summary>
public sealed class Details(WorkOrderService orders) : PageModel
{
    [FromRoute]
    public int Id { get; set; }

    public OrderDetails Order { get; private set; } = default!;

    [TempData]
    public string? StatusMessage { get; set; }

    public const string AssignErrorKey = "AssignError";

    /// <summary>The assignment's refusal (from <see cref="Assign"/>), shown beside its form.</summary>
    [TempData(Key = AssignErrorKey)]
    public string? AssignError { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await orders.DetailsAsync(Id, WorkshopActor.Of(User), cancellationToken) is not { } order)
        {
            return NotFound();
        }

        Order = order;
        return Page();
    }
}
