using Microsoft.EntityFrameworkCore;
using ServiceBooking.Domain.Catalog;
using ServiceBooking.Domain.Common;
using ServiceBooking.Web.Platform.Admin;
using ServiceBooking.Web.Platform.Data;

namespace ServiceBooking.Web.Modules.Catalog.Entries;

/// <summary>What an Admin typed for an oil.</summary>
public sealed record OilDraft(string Brand, string Viscosity, decimal PricePerLitre);

/// <summary>Oils: one per brand and viscosity; engines use them. A new price applies to quotes from now on.</summary>
public sealed class OilKind(ApplicationDbContext db) : AdminEntryKind<Oil, OilDraft, NoChoices>
{
    public async Task<IReadOnlyList<Oil>> ListAsync(CancellationToken cancellationToken) =>
        await db.Oils.AsNoTracking().OrderBy(o => o.Brand).ThenBy(o => o.Viscosity).ToListAsync(cancellationToken);

    public override Task<NoChoices> ChoicesAsync(Oil? entry, CancellationToken cancellationToken) => NoChoices.None;

    public override Task<Oil> CreateAsync(OilDraft draft, CancellationToken cancellationToken) =>
        Task.FromResult(new Oil(draft.Brand, draft.Viscosity, Money.FromRoubles(draft.PricePerLitre)));

    public override Task UpdateAsync(Oil entry, OilDraft draft, CancellationToken cancellationToken)
    {
        entry.Update(draft.Brand, draft.Viscosity, Money.FromRoubles(draft.PricePerLitre));
        return Task.CompletedTask;
    }

    public override EntryKey<Oil> KeyOf(Oil entry) =>
        new(o => o.Brand == entry.Brand && o.Viscosity == entry.Viscosity, "ix_oils_brand_viscosity", new DomainException("Oil.Taken", entry.Name));

    /// <summary>The engines that need the oil.</summary>
    public override async Task<EntryUses> CountUsesAsync(int id, CancellationToken cancellationToken) =>
        EntryUses.Of(await db.Engines.CountAsync(e => e.OilId == id, cancellationToken));
}
