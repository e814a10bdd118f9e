using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ServiceBooking.Web.Modules.Pickups.Pages.Manager.Drivers;

/// <summary>The drivers: districts served, whether they take jobs, the active job; each opens their card.</summary>
public sealed class Index(DriverDirectory drivers) : PageModel
{
    public IReadOnlyList<DriverRow> Drivers { get; private set; } = [];

    [Microsoft.AspNetCore.Mvc.TempData]
    public string? StatusMessage { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Drivers = await drivers.ListAsync(cancellationToken);
}
