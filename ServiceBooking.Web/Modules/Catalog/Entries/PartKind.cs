using Microsoft.EntityFrameworkCore;
using ServiceBooking.Domain.Catalog;
using ServiceBooking.Domain.Common;
using ServiceBooking.Web.Platform.Admin;
using ServiceBooking.Web.Platform.Data;

namespace ServiceBooking.Web.Modules.Catalog.Entries;

/// <summary>What an Admin typed for a part: its fields and the ids of the models ticked.</summary>
public sealed record PartDraft(string Name, string? Article, decimal Price, IReadOnlyCollection<int> ModelIds);

/// <summary>The models a part's form offers to tick: the active ones and those the part fits now.</summary>
public sealed record PartChoices(IReadOnlyList<CarModel> Models);

/// <summary>
/// Parts and consumables: the same name may repeat (two suppliers); repair types list them. Deactivating a model does
/// not silently drop it from the parts that fit it: it stays on offer for them.
/// </summary>
public sealed class PartKind(ApplicationDbContext db) : AdminEntryKind<Part, PartDraft, PartChoices>
{
    /// <summary>The parts whose name or part number contains <paramref name="query"/> (all when it is empty), by name.</summary>
    public async Task<IReadOnlyList<Part>> FindAsync(string? query, CancellationToken cancellationToken)
    {
        var parts = db.Parts.AsNoTracking().Include(p => p.CompatibleModels).AsQueryable();
        if (!string.IsNullOrWhiteSpace(query))
        {
            var pattern = "%" + EscapeLike(query.Trim()) + "%";
            parts = parts.Where(p => EF.Functions.ILike(p.Name, pattern, @"\")
                || (p.Article != null && EF.Functions.ILike(p.Article, pattern, @"\")));
        }

        return await parts.OrderBy(p => p.Name).AsSplitQuery().ToListAsync(cancellationToken);
    }

    public override IQueryable<Part> ForEditing(IQueryable<Part> entries) => entries.Include(p => p.CompatibleModels);

    public override async Task<PartChoices> ChoicesAsync(Part? entry, CancellationToken cancellationToken) =>
        new(await Offered(entry).AsNoTracking().OrderBy(m => m.Name).ToListAsync(cancellationToken));

    public override async Task<Part> CreateAsync(PartDraft draft, CancellationToken cancellationToken) =>
        new(draft.Name, draft.Article, Money.FromRoubles(draft.Price), await ChosenAsync(null, draft, cancellationToken));

    public override async Task UpdateAsync(Part entry, PartDraft draft, CancellationToken cancellationToken) =>
        entry.Update(draft.Name, draft.Article, Money.FromRoubles(draft.Price), await ChosenAsync(entry, draft, cancellationToken));

    /// <summary>The repair types that list the part.</summary>
    public override async Task<EntryUses> CountUsesAsync(int id, CancellationToken cancellationToken) =>
        EntryUses.Of(await db.RepairTypes.CountAsync(r => r.Parts.Any(p => p.PartId == id), cancellationToken));

    private IQueryable<CarModel> Offered(Part? part) =>
        db.CarModels.Where(Choices.Offered<CarModel>(part?.CompatibleModels.Select(m => m.Id).ToList() ?? []));

    /// <summary>The ticked models among those offered (tracked, so the save links them); anything else in the request is ignored.</summary>
    private async Task<List<CarModel>> ChosenAsync(Part? part, PartDraft draft, CancellationToken cancellationToken)
    {
        var ticked = draft.ModelIds.ToList();
        return await Offered(part).Where(m => ticked.Contains(m.Id)).OrderBy(m => m.Name).ToListAsync(cancellationToken);
    }

    /// <summary>Typed % and _ are looked for as themselves, not as wildcards.</summary>
    private static string EscapeLike(string value) =>
        value.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal);
}
