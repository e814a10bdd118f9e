using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServiceBooking.Domain.Catalog;
using ServiceBooking.Web.Data;

namespace ServiceBooking.Web.Areas.Admin.Pages.Oils;

public sealed class Index(ApplicationDbContext db, IStringLocalizer<SharedResource> text) : PageModel
{
    public IReadOnlyList<Oil> Oils { get; private set; } = [];

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Oils = await db.Oils.AsNoTracking().OrderBy(o => o.Brand).ThenBy(o => o.Viscosity).ToListAsync(cancellationToken);

    public async Task<IActionResult> OnPostToggleAsync(int id, CancellationToken cancellationToken)
    {
        var oil = await db.Oils.FindAsync([id], cancellationToken);
        if (oil is null)
        {
            return NotFound();
        }

        if (oil.IsActive)
        {
            oil.Deactivate();
        }
        else
        {
            oil.Activate();
        }

        await db.SaveChangesAsync(cancellationToken);
        StatusMessage = text[oil.IsActive ? "Admin.Activated" : "Admin.Deactivated", oil.Name];
        return RedirectToPage();
    }

    /// <summary>Deletes an oil no engine uses; one still in use is deactivated instead, and the message says so.</summary>
    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken cancellationToken)
    {
        var oil = await db.Oils.FindAsync([id], cancellationToken);
        if (oil is null)
        {
            return NotFound();
        }

        var engines = await db.Engines.CountAsync(e => e.OilId == id, cancellationToken);
        if (engines > 0)
        {
            oil.Deactivate();
            StatusMessage = text["Admin.Oils.InUse", oil.Name, engines];
        }
        else
        {
            db.Oils.Remove(oil);
            StatusMessage = text["Admin.Deleted", oil.Name];
        }

        await db.SaveChangesAsync(cancellationToken);
        return RedirectToPage();
    }
}
