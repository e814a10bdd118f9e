using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServiceBooking.Domain.Catalog;
using ServiceBooking.Web.Modules.Catalog;
using ServiceBooking.Web.Platform.Admin;
using ServiceBooking.Web.Platform.Data;

namespace ServiceBooking.Web.Modules.Catalog.Pages.Admin.Models;

public sealed class Index(ApplicationDbContext db, PictureStore pictures, IStringLocalizer<SharedResource> text) : PageModel
{
    public IReadOnlyList<CarModel> Models { get; private set; } = [];

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Models = await db.CarModels.AsNoTracking().Include(m => m.Engine).OrderBy(m => m.Name).ToListAsync(cancellationToken);

    public async Task<IActionResult> OnPostToggleAsync(int id, CancellationToken cancellationToken)
    {
        if (await AdminEntries.ToggleAsync<CarModel>(db, id, cancellationToken) is not { } model)
        {
            return NotFound();
        }

        StatusMessage = text[model.IsActive ? "Admin.Activated" : "Admin.Deactivated", model.Name];
        return RedirectToPage();
    }

    /// <summary>
    /// Deletes a model (and its picture) that no car, part or repair type refers to; one still in use is deactivated
    /// instead, and the message says by what.
    /// </summary>
    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken cancellationToken)
    {
        var model = await db.CarModels.FindAsync([id], cancellationToken);
        if (model is null)
        {
            return NotFound();
        }

        var cars = await db.Cars.CountAsync(c => c.ModelId == id, cancellationToken);
        var parts = await db.Parts.CountAsync(p => p.CompatibleModels.Any(m => m.Id == id), cancellationToken);
        var repairTypes = await db.RepairTypes.CountAsync(r => r.CarModelId == id, cancellationToken);
        if (cars + parts + repairTypes > 0)
        {
            model.Deactivate();
            await db.SaveChangesAsync(cancellationToken);
            StatusMessage = text["Admin.Models.InUse", model.Name, cars, parts, repairTypes];
        }
        else
        {
            db.CarModels.Remove(model);
            await db.SaveChangesAsync(cancellationToken);
            pictures.Delete(model.Picture);
            StatusMessage = text["Admin.Deleted", model.Name];
        }

        return RedirectToPage();
    }
}
