using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ServiceBooking.Domain.WorkOrders;

namespace ServiceBooking.Web.Modules.WorkOrders.Pages.Orders;

/// <summary>
/// The orders list: everyone's for supervisors, operators and the desk, one's own for a mechanic, with filters by status,
/// mechanic and day. The filter form is a plain GET (it works without JavaScript); with htmx a change of filter
/// replaces only <c>_Results</c>. A mechanic checks in and out here (posted to <see cref="Shift"/>), on the page they open first.
/// </summary>
public sealed class Index(WorkOrderService orders) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public WorkOrderStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Mechanic { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? Date { get; set; }

    /// <summary>The results page, from 1 ("page" is taken by Razor Pages' routing).</summary>
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public OrderPage Results { get; private set; } = default!;

    public WorkshopActor Actor { get; private set; } = default!;

    /// <summary>When the mechanic's own shift began (null: off shift), for the check-in card.</summary>
    public DateTime? OnShiftSince => Results.OnShiftSince;

    [TempData]
    public string? StatusMessage { get; set; }

    [TempData]
    public string? ErrorMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Actor = WorkshopActor.Of(User);
        var resultsOnly = Request.Headers.ContainsKey("HX-Request") && !Request.Headers.ContainsKey("HX-History-Restore-Request");
        Results = await orders.ListAsync(new OrderFilter(Status, Mechanic, Date, PageNumber) { ResultsOnly = resultsOnly }, Actor, cancellationToken);
        Response.Headers.Vary = "HX-Request";
        if (resultsOnly)
        {
            return Partial("_Results", this);
        }

        return Page();
    }
}
