using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServiceBooking.Domain.Catalog;
using ServiceBooking.Web.Platform.Admin;
using ServiceBooking.Web.Platform.Data;

namespace ServiceBooking.Web.Modules.Catalog.Pages.Admin.Engines;

public sealed class Index(ApplicationDbContext db, IStringLocalizer<SharedResource> text) : PageModel
{
    public IReadOnlyList<Engine> Engines { get; private set; } = [];

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Engines = await db.Engines.AsNoTracking().Include(e => e.Oil).OrderBy(e => e.Code).ToListAsync(cancellationToken);

    public async Task<IActionResult> OnPostToggleAsync(int id, CancellationToken cancellationToken)
    {
        if (await AdminEntries.ToggleAsync<Engine>(db, id, cancellationToken) is not { } engine)
        {
            return NotFound();
        }

        StatusMessage = text[engine.IsActive ? "Admin.Activated" : "Admin.Deactivated", engine.Code];
        return RedirectToPage();
    }

    /// <summary>Deletes an engine no car model uses; one still in use is deactivated instead, and the message says so.</summary>
    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken cancellationToken)
    {
        var deleted = await AdminEntries.DeleteUnusedAsync<Engine>(
            db, id, () => db.CarModels.CountAsync(m => m.EngineId == id, cancellationToken), cancellationToken);
        if (deleted is not ({ } engine, var models))
        {
            return NotFound();
        }

        StatusMessage = models > 0
            ? text["Admin.Engines.InUse", engine.Code, models]
            : text["Admin.Deleted", engine.Code];
        return RedirectToPage();
    }
}
