using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServiceBooking.Domain.Catalog;
using ServiceBooking.Web.Platform.Admin;
using ServiceBooking.Web.Platform.Data;

namespace ServiceBooking.Web.Modules.Catalog.Pages.Admin.Oils;

public sealed class Index(ApplicationDbContext db, IStringLocalizer<SharedResource> text) : PageModel
{
    public IReadOnlyList<Oil> Oils { get; private set; } = [];

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Oils = await db.Oils.AsNoTracking().OrderBy(o => o.Brand).ThenBy(o => o.Viscosity).ToListAsync(cancellationToken);

    public async Task<IActionResult> OnPostToggleAsync(int id, CancellationToken cancellationToken)
    {
        if (await AdminEntries.ToggleAsync<Oil>(db, id, cancellationToken) is not { } oil)
        {
            return NotFound();
        }

        StatusMessage = text[oil.IsActive ? "Admin.Activated" : "Admin.Deactivated", oil.Name];
        return RedirectToPage();
    }

    /// <summary>Deletes an oil no engine uses; one still in use is deactivated instead, and the message says so.</summary>
    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken cancellationToken)
    {
        var deleted = await AdminEntries.DeleteUnusedAsync<Oil>(
            db, id, () => db.Engines.CountAsync(e => e.OilId == id, cancellationToken), cancellationToken);
        if (deleted is not ({ } oil, var engines))
        {
            return NotFound();
        }

        StatusMessage = engines > 0
            ? text["Admin.Oils.InUse", oil.Name, engines]
            : text["Admin.Deleted", oil.Name];
        return RedirectToPage();
    }
}
