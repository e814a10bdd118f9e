using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServiceBooking.Domain.Catalog;
using ServiceBooking.Web.Platform.Admin;
using ServiceBooking.Web.Platform.Data;

namespace ServiceBooking.Web.Modules.Catalog.Pages.Admin.Parts;

/// <summary>The parts store: a list filtered by name or part number, activate/deactivate, delete-or-deactivate.</summary>
public sealed class Index(ApplicationDbContext db, IStringLocalizer<SharedResource> text) : PageModel
{
    /// <summary>How many compatible models a row names before it says "and N more".</summary>
    public const int ModelsShown = 3;

    public IReadOnlyList<Part> Parts { get; private set; } = [];

    /// <summary>Text to look for in the name or the part number (the filter form's field).</summary>
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Parts = await FindAsync(cancellationToken);

    /// <summary>The table alone, for the filter field's htmx request.</summary>
    public async Task<IActionResult> OnGetTableAsync(CancellationToken cancellationToken)
    {
        Parts = await FindAsync(cancellationToken);
        return Partial("_PartsTable", this);
    }

    public async Task<IActionResult> OnPostToggleAsync(int id, CancellationToken cancellationToken)
    {
        if (await AdminEntries.ToggleAsync<Part>(db, id, cancellationToken) is not { } part)
        {
            return NotFound();
        }

        StatusMessage = text[part.IsActive ? "Admin.Activated" : "Admin.Deactivated", part.Name];
        return RedirectToPage(new { q = Query });
    }

    /// <summary>Deletes a part no repair type lists; one still listed is deactivated instead, and the message says so.</summary>
    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken cancellationToken)
    {
        var deleted = await AdminEntries.DeleteUnusedAsync<Part>(
            db, id, () => db.RepairTypes.CountAsync(r => r.Parts.Any(p => p.PartId == id), cancellationToken), cancellationToken);
        if (deleted is not ({ } part, var repairTypes))
        {
            return NotFound();
        }

        StatusMessage = repairTypes > 0
            ? text["Admin.Parts.InUse", part.Name, repairTypes]
            : text["Admin.Deleted", part.Name];
        return RedirectToPage(new { q = Query });
    }

    private async Task<List<Part>> FindAsync(CancellationToken cancellationToken)
    {
        var parts = db.Parts.AsNoTracking().Include(p => p.CompatibleModels).AsQueryable();
        if (!string.IsNullOrWhiteSpace(Query))
        {
            var pattern = "%" + EscapeLike(Query.Trim()) + "%";
            parts = parts.Where(p => EF.Functions.ILike(p.Name, pattern, @"\")
                || (p.Article != null && EF.Functions.ILike(p.Article, pattern, @"\")));
        }

        return await parts.OrderBy(p => p.Name).AsSplitQuery().ToListAsync(cancellationToken);
    }

    /// <summary>Typed % and _ are looked for as themselves, not as wildcards.</summary>
    private static string EscapeLike(string value) =>
        value.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal);
}
