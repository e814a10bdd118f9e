using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using ServiceBooking.Domain.Catalog;
using ServiceBooking.Web.Modules.Catalog.Entries;
using ServiceBooking.Web.Platform.Admin;

namespace ServiceBooking.Web.Modules.Catalog.Pages.Admin.RepairTypes;

/// <summary>Repair types, filtered by model (all, "any model" ones, or one model); activate/deactivate, delete-or-deactivate.</summary>
public sealed class Index(RepairTypeKind types, AdminEntries<RepairType> entries, IStringLocalizer<SharedResource> text)
    : AdminListPage<RepairType>(entries, text)
{
    /// <summary>The filter value that means types for any model (car_model_id null); empty means all types.</summary>
    public const string AnyModel = "any";

    public IReadOnlyList<RepairType> RepairTypes { get; private set; } = [];

    public IReadOnlyList<CarModel> Models { get; private set; } = [];

    /// <summary>"" (all), <see cref="AnyModel"/>, or a model id.</summary>
    [BindProperty(SupportsGet = true, Name = "model")]
    public string? ModelFilter { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        (Models, RepairTypes) = await types.ListAsync(Filter, cancellationToken);

    /// <summary>The table alone, for the model filter's htmx request.</summary>
    public async Task<IActionResult> OnGetTableAsync(CancellationToken cancellationToken)
    {
        RepairTypes = await types.FindAsync(Filter, cancellationToken);
        return Partial("_RepairTypesTable", this);
    }

    protected override object? BackTo => new { model = ModelFilter };

    /// <summary>A bookings count: a type with bookings is deactivated, not deleted.</summary>
    protected override string InUse(RepairType entry, EntryUses uses) => Text["Admin.RepairTypes.InUse", entry.Name, uses.Total];

    protected override string NameOf(RepairType entry) => entry.Name;

    private RepairTypeFilter Filter =>
        ModelFilter == AnyModel ? new RepairTypeFilter(ForAnyModel: true, ModelId: null)
        : int.TryParse(ModelFilter, out var modelId) ? new RepairTypeFilter(ForAnyModel: false, modelId)
        : RepairTypeFilter.All;
}
