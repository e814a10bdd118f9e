using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServiceBooking.Domain.Catalog;
using ServiceBooking.Web.Platform.Admin;
using ServiceBooking.Web.Platform.Data;

namespace ServiceBooking.Web.Modules.Catalog.Pages.Admin.RepairTypes;

/// <summary>Repair types, filtered by model (all, "any model" ones, or one model); activate/deactivate, delete-or-deactivate.</summary>
public sealed class Index(ApplicationDbContext db, IStringLocalizer<SharedResource> text) : PageModel
{
    /// <summary>The filter value that means types for any model (car_model_id null); empty means all types.</summary>
    public const string AnyModel = "any";

    public IReadOnlyList<RepairType> RepairTypes { get; private set; } = [];

    public IReadOnlyList<CarModel> Models { get; private set; } = [];

    /// <summary>"" (all), <see cref="AnyModel"/>, or a model id.</summary>
    [BindProperty(SupportsGet = true, Name = "model")]
    public string? ModelFilter { get; set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Models = await db.CarModels.AsNoTracking().OrderBy(m => m.Name).ToListAsync(cancellationToken);
        RepairTypes = await FindAsync(cancellationToken);
    }

    /// <summary>The table alone, for the model filter's htmx request.</summary>
    public async Task<IActionResult> OnGetTableAsync(CancellationToken cancellationToken)
    {
        RepairTypes = await FindAsync(cancellationToken);
        return Partial("_RepairTypesTable", this);
    }

    public async Task<IActionResult> OnPostToggleAsync(int id, CancellationToken cancellationToken)
    {
        if (await AdminEntries.ToggleAsync<RepairType>(db, id, cancellationToken) is not { } type)
        {
            return NotFound();
        }

        StatusMessage = text[type.IsActive ? "Admin.Activated" : "Admin.Deactivated", type.Name];
        return RedirectToPage(new { model = ModelFilter });
    }

    /// <summary>Deletes a repair type nothing refers to; one in use is deactivated instead, and the message says so.</summary>
    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken cancellationToken)
    {
        var deleted = await AdminEntries.DeleteUnusedAsync<RepairType>(
            db, id, () => CountUsesAsync(id, cancellationToken), cancellationToken);
        if (deleted is not ({ } type, var uses))
        {
            return NotFound();
        }

        StatusMessage = uses > 0
            ? text["Admin.RepairTypes.InUse", type.Name, uses]
            : text["Admin.Deleted", type.Name];
        return RedirectToPage(new { model = ModelFilter });
    }

    /// <summary>Bookings made for the repair type: a type with bookings is deactivated, not deleted.</summary>
    private Task<int> CountUsesAsync(int repairTypeId, CancellationToken cancellationToken) =>
        db.Bookings.CountAsync(b => b.RepairTypeId == repairTypeId, cancellationToken);

    private async Task<List<RepairType>> FindAsync(CancellationToken cancellationToken)
    {
        var types = db.RepairTypes.AsNoTracking().Include(r => r.LabourRate).Include(r => r.CarModel).AsQueryable();
        if (ModelFilter == AnyModel)
        {
            types = types.Where(r => r.CarModelId == null);
        }
        else if (int.TryParse(ModelFilter, out var modelId))
        {
            types = types.Where(r => r.CarModelId == modelId);
        }

        return await types
            .OrderBy(r => r.CarModel == null ? string.Empty : r.CarModel.Name)
            .ThenBy(r => r.Name)
            .ToListAsync(cancellationToken);
    }
}
