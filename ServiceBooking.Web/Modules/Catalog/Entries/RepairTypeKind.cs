using Microsoft.EntityFrameworkCore;
using ServiceBooking.Domain.Catalog;
using ServiceBooking.Domain.Common;
using ServiceBooking.Web.Platform.Admin;
using ServiceBooking.Web.Platform.Data;

namespace ServiceBooking.Web.Modules.Catalog.Entries;

/// <summary>What an Admin typed for a repair type; <paramref name="Parts"/> is the quantity of each part it uses, by part id.</summary>
public sealed record RepairTypeDraft(
    string Name, decimal NormHours, int LabourRateId, int? CarModelId, bool IncludesOilChange, IReadOnlyDictionary<int, int> Parts);

/// <summary>Which repair types a list shows: all, those for any model (<see cref="ForAnyModel"/>), or those for one model.</summary>
public sealed record RepairTypeFilter(bool ForAnyModel, int? ModelId)
{
    public static RepairTypeFilter All { get; } = new(false, null);
}

/// <summary>The repair types a list shows, and every model for its filter.</summary>
public sealed record RepairTypeList(IReadOnlyList<CarModel> Models, IReadOnlyList<RepairType> Types);

/// <summary>
/// Repair types: one name per model and one per any model; bookings use them. Their labour rate, model and parts are
/// chosen among the active ones and the type's own.
/// </summary>
public sealed class RepairTypeKind(ApplicationDbContext db) : AdminEntryKind<RepairType, RepairTypeDraft, RepairTypeChoices>
{
    /// <summary>The database's "one name per model, and one per any model" index (see RepairTypeConfiguration).</summary>
    private const string UniqueName = "ix_repair_types_name_car_model_id";

    /// <summary>The types the filter lets through, and every model (active or not) to filter by.</summary>
    public async Task<RepairTypeList> ListAsync(RepairTypeFilter filter, CancellationToken cancellationToken) =>
        new(await db.CarModels.AsNoTracking().OrderBy(m => m.Name).ToListAsync(cancellationToken), await FindAsync(filter, cancellationToken));

    /// <summary>The types the filter lets through, by model (any model first), then by name.</summary>
    public async Task<IReadOnlyList<RepairType>> FindAsync(RepairTypeFilter filter, CancellationToken cancellationToken)
    {
        var types = db.RepairTypes.AsNoTracking().Include(r => r.LabourRate).Include(r => r.CarModel).AsQueryable();
        if (filter.ForAnyModel)
        {
            types = types.Where(r => r.CarModelId == null);
        }
        else if (filter.ModelId is { } modelId)
        {
            types = types.Where(r => r.CarModelId == modelId);
        }

        return await types
            .OrderBy(r => r.CarModel == null ? string.Empty : r.CarModel.Name)
            .ThenBy(r => r.Name)
            .ToListAsync(cancellationToken);
    }

    /// <summary>The type with what its quote and its parts' fit need.</summary>
    public override IQueryable<RepairType> ForEditing(IQueryable<RepairType> entries) => entries
        .Include(r => r.LabourRate)
        .Include(r => r.CarModel!).ThenInclude(m => m.Engine).ThenInclude(e => e.Oil)
        .Include(r => r.Parts).ThenInclude(p => p.Part).ThenInclude(p => p.CompatibleModels)
        .AsSplitQuery();

    public override async Task<RepairTypeChoices> ChoicesAsync(RepairType? entry, CancellationToken cancellationToken)
    {
        var rates = await db.LabourRates.AsNoTracking()
            .Where(Choices.Offered<LabourRate>(entry?.LabourRateId)).OrderBy(r => r.Name).ToListAsync(cancellationToken);
        var models = await db.CarModels.AsNoTracking()
            .Where(Choices.Offered<CarModel>(entry?.CarModelId)).OrderBy(m => m.Name).ToListAsync(cancellationToken);
        var parts = await db.Parts.AsNoTracking().Include(p => p.CompatibleModels)
            .Where(Choices.Offered<Part>(PartsOf(entry))).OrderBy(p => p.Name).AsSplitQuery().ToListAsync(cancellationToken);
        return new RepairTypeChoices(rates, models, parts, QuoteOf(entry));
    }

    public override async Task<RepairType> CreateAsync(RepairTypeDraft draft, CancellationToken cancellationToken)
    {
        var (rate, model, parts) = await ChosenAsync(null, draft, cancellationToken);
        var type = new RepairType(draft.Name, draft.NormHours, rate, model, draft.IncludesOilChange);
        type.SetParts(parts);
        return type;
    }

    public override async Task UpdateAsync(RepairType entry, RepairTypeDraft draft, CancellationToken cancellationToken)
    {
        var (rate, model, parts) = await ChosenAsync(entry, draft, cancellationToken);
        entry.Update(draft.Name, draft.NormHours, rate, model, draft.IncludesOilChange, parts);
    }

    public override EntryKey<RepairType> KeyOf(RepairType entry) => new(
        r => r.Name == entry.Name && r.CarModelId == entry.CarModelId,
        UniqueName,
        entry.CarModel is { } model
            ? new DomainException("RepairType.NameTaken", entry.Name, model.Name)
            : new DomainException("RepairType.NameTakenAnyModel", entry.Name));

    /// <summary>Bookings made for the type (past, upcoming or cancelled): they keep their quote's type.</summary>
    public override async Task<EntryUses> CountUsesAsync(int id, CancellationToken cancellationToken) =>
        EntryUses.Of(await db.Bookings.CountAsync(b => b.RepairTypeId == id, cancellationToken));

    private static List<int> PartsOf(RepairType? type) => type?.Parts.Select(p => p.PartId).ToList() ?? [];

    /// <summary>The saved type's price for its model; null for a new type, a type for any model, or an amount beyond what Money holds.</summary>
    private static (Quote Quote, string ModelName)? QuoteOf(RepairType? type)
    {
        if (type?.CarModel is not { } model)
        {
            return null;
        }

        try
        {
            return (CostCalculator.Calculate(type, model), model.Name);
        }
        catch (DomainException)
        {
            // There is no price to show, and the form still works.
            return null;
        }
    }

    /// <summary>
    /// The labour rate, model and parts the draft names, among those the form offers (tracked, so the save links them).
    /// A rate or model it does not offer is refused at its field; parts it does not offer are left out, and whether the
    /// rest fit the model is the Domain's call.
    /// </summary>
    private async Task<(LabourRate Rate, CarModel? Model, List<(Part Part, int Quantity)> Parts)> ChosenAsync(
        RepairType? type, RepairTypeDraft draft, CancellationToken cancellationToken)
    {
        var rate = await db.LabourRates.Where(Choices.Offered<LabourRate>(type?.LabourRateId))
            .SingleOrDefaultAsync(r => r.Id == draft.LabourRateId, cancellationToken)
            ?? throw new DomainException("RepairType.LabourRateUnknown");
        var model = draft.CarModelId is not { } modelId ? null : await db.CarModels.Where(Choices.Offered<CarModel>(type?.CarModelId))
            .SingleOrDefaultAsync(m => m.Id == modelId, cancellationToken)
            ?? throw new DomainException("RepairType.ModelUnknown");
        var ids = draft.Parts.Keys.ToList();
        var parts = await db.Parts.Include(p => p.CompatibleModels)
            .Where(Choices.Offered<Part>(PartsOf(type)))
            .Where(p => ids.Contains(p.Id))
            .OrderBy(p => p.Name)
            .ToListAsync(cancellationToken);
        return (rate, model, [.. parts.Select(p => (p, draft.Parts[p.Id]))]);
    }
}
