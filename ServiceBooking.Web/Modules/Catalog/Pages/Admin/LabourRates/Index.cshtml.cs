using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServiceBooking.Domain.Catalog;
using ServiceBooking.Web.Platform.Admin;
using ServiceBooking.Web.Platform.Data;

namespace ServiceBooking.Web.Modules.Catalog.Pages.Admin.LabourRates;

public sealed class Index(ApplicationDbContext db, IStringLocalizer<SharedResource> text) : PageModel
{
    public IReadOnlyList<LabourRate> Rates { get; private set; } = [];

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Rates = await db.LabourRates.AsNoTracking().OrderBy(r => r.Kind).ThenBy(r => r.Name).ToListAsync(cancellationToken);

    public async Task<IActionResult> OnPostToggleAsync(int id, CancellationToken cancellationToken)
    {
        if (await AdminEntries.ToggleAsync<LabourRate>(db, id, cancellationToken) is not { } rate)
        {
            return NotFound();
        }

        StatusMessage = text[rate.IsActive ? "Admin.Activated" : "Admin.Deactivated", rate.Name];
        return RedirectToPage();
    }

    /// <summary>Deletes a labour rate no repair type uses; one still in use is deactivated instead, and the message says so.</summary>
    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken cancellationToken)
    {
        var deleted = await AdminEntries.DeleteUnusedAsync<LabourRate>(
            db, id, () => db.RepairTypes.CountAsync(r => r.LabourRateId == id, cancellationToken), cancellationToken);
        if (deleted is not ({ } rate, var repairTypes))
        {
            return NotFound();
        }

        StatusMessage = repairTypes > 0
            ? text["Admin.LabourRates.InUse", rate.Name, repairTypes]
            : text["Admin.Deleted", rate.Name];
        return RedirectToPage();
    }
}
