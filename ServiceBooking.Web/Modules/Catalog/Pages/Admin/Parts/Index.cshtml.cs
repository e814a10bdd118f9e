using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using ServiceBooking.Domain.Catalog;
using ServiceBooking.Web.Modules.Catalog.Entries;
using ServiceBooking.Web.Platform.Admin;

namespace ServiceBooking.Web.Modules.Catalog.Pages.Admin.Parts;

/// <summary>The parts store: a list filtered by name or part number, activate/deactivate, delete-or-deactivate.</summary>
public sealed class Index(PartKind parts, AdminEntries<Part> entries, IStringLocalizer<SharedResource> text)
    : AdminListPage<Part>(entries, text)
{
    /// <summary>How many compatible models a row names before it says "and N more".</summary>
    public const int ModelsShown = 3;

    public IReadOnlyList<Part> Parts { get; private set; } = [];

    /// <summary>Text to look for in the name or the part number (the filter form's field).</summary>
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Parts = await parts.FindAsync(Query, cancellationToken);

    /// <summary>The table alone, for the filter field's htmx request.</summary>
    public async Task<IActionResult> OnGetTableAsync(CancellationToken cancellationToken)
    {
        Parts = await parts.FindAsync(Query, cancellationToken);
        return Partial("_PartsTable", this);
    }

    protected override object? BackTo => new { q = Query };

    protected override string NameOf(Part entry) => entry.Name;

    protected override string InUse(Part entry, EntryUses uses) => Text["Admin.Parts.InUse", entry.Name, uses.Total];
}
