using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServiceBooking.Domain.Catalog;
using ServiceBooking.Web.Data;

namespace ServiceBooking.Web.Areas.Admin.Pages.Engines;

public sealed class Index(ApplicationDbContext db, IStringLocalizer<SharedResource> text) : PageModel
{
    public IReadOnlyList<Engine> Engines { get; private set; } = [];

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Engines = await db.Engines.AsNoTracking().Include(e => e.Oil).OrderBy(e => e.Code).ToListAsync(cancellationToken);

    public async Task<IActionResult> OnPostToggleAsync(int id, CancellationToken cancellationToken)
    {
        var engine = await db.Engines.FindAsync([id], cancellationToken);
        if (engine is null)
        {
            return NotFound();
        }

        if (engine.IsActive)
        {
            engine.Deactivate();
        }
        else
        {
            engine.Activate();
        }

        await db.SaveChangesAsync(cancellationToken);
        StatusMessage = text[engine.IsActive ? "Admin.Activated" : "Admin.Deactivated", engine.Code];
        return RedirectToPage();
    }

    /// <summary>Deletes an engine no car model uses; one still in use is deactivated instead, and the message says so.</summary>
    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken cancellationToken)
    {
        var engine = await db.Engines.FindAsync([id], cancellationToken);
        if (engine is null)
        {
            return NotFound();
        }

        var models = await db.CarModels.CountAsync(m => m.EngineId == id, cancellationToken);
        if (models > 0)
        {
            engine.Deactivate();
            StatusMessage = text["Admin.Engines.InUse", engine.Code, models];
        }
        else
        {
            db.Engines.Remove(engine);
            StatusMessage = text["Admin.Deleted", engine.Code];
        }

        await db.SaveChangesAsync(cancellationToken);
        return RedirectToPage();
    }
}
