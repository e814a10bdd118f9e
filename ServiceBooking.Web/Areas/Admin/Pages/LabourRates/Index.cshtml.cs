using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServiceBooking.Domain.Catalog;
using ServiceBooking.Web.Data;

namespace ServiceBooking.Web.Areas.Admin.Pages.LabourRates;

public sealed class Index(ApplicationDbContext db, IStringLocalizer<SharedResource> text) : PageModel
{
    public IReadOnlyList<LabourRate> Rates { get; private set; } = [];

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Rates = await db.LabourRates.AsNoTracking().OrderBy(r => r.Kind).ThenBy(r => r.Name).ToListAsync(cancellationToken);

    public async Task<IActionResult> OnPostToggleAsync(int id, CancellationToken cancellationToken)
    {
        var rate = await db.LabourRates.FindAsync([id], cancellationToken);
        if (rate is null)
        {
            return NotFound();
        }

        if (rate.IsActive)
        {
            rate.Deactivate();
        }
        else
        {
            rate.Activate();
        }

        await db.SaveChangesAsync(cancellationToken);
        StatusMessage = text[rate.IsActive ? "Admin.Activated" : "Admin.Deactivated", rate.Name];
        return RedirectToPage();
    }

    /// <summary>Deletes a labour rate no repair type uses; one still in use is deactivated instead, and the message says so.</summary>
    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken cancellationToken)
    {
        var rate = await db.LabourRates.FindAsync([id], cancellationToken);
        if (rate is null)
        {
            return NotFound();
        }

        var repairTypes = await db.RepairTypes.CountAsync(r => r.LabourRateId == id, cancellationToken);
        if (repairTypes > 0)
        {
            rate.Deactivate();
            StatusMessage = text["Admin.LabourRates.InUse", rate.Name, repairTypes];
        }
        else
        {
            db.LabourRates.Remove(rate);
            StatusMessage = text["Admin.Deleted", rate.Name];
        }

        await db.SaveChangesAsync(cancellationToken);
        return RedirectToPage();
    }
}
