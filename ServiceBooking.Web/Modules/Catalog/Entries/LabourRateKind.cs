using Microsoft.EntityFrameworkCore;
using ServiceBooking.Domain.Catalog;
using ServiceBooking.Domain.Common;
using ServiceBooking.Web.Platform.Admin;
using ServiceBooking.Web.Platform.Data;

namespace ServiceBooking.Web.Modules.Catalog.Entries;

/// <summary>What an Admin typed for a labour rate.</summary>
public sealed record LabourRateDraft(string Name, LabourKind Kind, decimal PricePerHour);

/// <summary>Labour rates: one per name; repair types use them. A new price applies to quotes from now on.</summary>
public sealed class LabourRateKind(ApplicationDbContext db) : AdminEntryKind<LabourRate, LabourRateDraft, NoChoices>
{
    public async Task<IReadOnlyList<LabourRate>> ListAsync(CancellationToken cancellationToken) =>
        await db.LabourRates.AsNoTracking().OrderBy(r => r.Kind).ThenBy(r => r.Name).ToListAsync(cancellationToken);

    public override Task<NoChoices> ChoicesAsync(LabourRate? entry, CancellationToken cancellationToken) => NoChoices.None;

    public override Task<LabourRate> CreateAsync(LabourRateDraft draft, CancellationToken cancellationToken) =>
        Task.FromResult(new LabourRate(draft.Name, draft.Kind, Money.FromRoubles(draft.PricePerHour)));

    public override Task UpdateAsync(LabourRate entry, LabourRateDraft draft, CancellationToken cancellationToken)
    {
        entry.Update(draft.Name, draft.Kind, Money.FromRoubles(draft.PricePerHour));
        return Task.CompletedTask;
    }

    public override EntryKey<LabourRate> KeyOf(LabourRate entry) =>
        new(r => r.Name == entry.Name, "ix_labour_rates_name", new DomainException("LabourRate.NameTaken", entry.Name));

    /// <summary>The repair types priced at the rate.</summary>
    public override async Task<EntryUses> CountUsesAsync(int id, CancellationToken cancellationToken) =>
        EntryUses.Of(await db.RepairTypes.CountAsync(r => r.LabourRateId == id, cancellationToken));
}
