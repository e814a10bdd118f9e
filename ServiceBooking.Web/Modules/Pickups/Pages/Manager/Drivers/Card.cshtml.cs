using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ServiceBooking.Web.Modules.Pickups.Pages.Manager.Drivers;

/// <summary>A driver's card: the active job, jobs completed, the average time from assignment to done, jobs per day worked.</summary>
public sealed class Card(DriverDirectory drivers) : PageModel
{
    [FromRoute]
    public string Id { get; set; } = string.Empty;

    public DriverCard Driver { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await drivers.CardAsync(Id, cancellationToken) is not { } card)
        {
            return NotFound();
        }

        Driver = card;
        return Page();
    }
}
