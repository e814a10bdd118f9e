using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ServiceBooking.Domain.Pickups;

namespace ServiceBooking.Web.Modules.Pickups.Pages.Manager.Pickups;

/// <summary>
/// The desk's pick-ups: every request, newest first, filtered by status, wished day and district. The filter form is a
/// plain GET; with htmx a change replaces only <c>_Results</c>, which asks for itself again on the pick-ups' stream, so
/// the table follows new requests, answers and dispatches by itself. A waiting request says why it waits.
/// </summary>
public sealed class Index(PickupRequests requests) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public PickupStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? Date { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? District { get; set; }

    /// <summary>The results page, from 1.</summary>
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public PickupTable Results { get; private set; } = default!;

    public IReadOnlyList<PickupOption> Districts { get; private set; } = [];

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var resultsOnly = Request.Headers.ContainsKey("HX-Request") && !Request.Headers.ContainsKey("HX-History-Restore-Request");
        Results = await requests.TableAsync(new PickupFilter(Status, Date, District, PageNumber), cancellationToken);
        Response.Headers.Vary = "HX-Request";
        if (resultsOnly)
        {
            return Partial("_Results", this);
        }

        Districts = await requests.DistrictsAsync(cancellationToken);
        return Page();
    }
}
