using Microsoft.EntityFrameworkCore;
using ServiceBooking.Domain.Common;
using ServiceBooking.Domain.Pickups;
using ServiceBooking.Web.Modules.Pickups.Data;
using ServiceBooking.Web.Platform.Admin;
using ServiceBooking.Web.Platform.Data;

namespace ServiceBooking.Web.Modules.Pickups;

/// <summary>What an Admin typed for a district.</summary>
public sealed record DistrictDraft(string Name);

/// <summary>
/// Districts as the Admin's entries: names unique ignoring case; one that requests or drivers refer to is deactivated
/// rather than deleted (clients no longer choose it; its queue and its drivers stay as they are).
/// </summary>
public sealed class DistrictKind(ApplicationDbContext db) : AdminEntryKind<District, DistrictDraft, NoChoices>
{
    public async Task<IReadOnlyList<District>> ListAsync(CancellationToken cancellationToken) =>
        await db.Districts.AsNoTracking().OrderBy(d => d.Name).ToListAsync(cancellationToken);

    public override Task<NoChoices> ChoicesAsync(District? entry, CancellationToken cancellationToken) => NoChoices.None;

    public override Task<District> CreateAsync(DistrictDraft draft, CancellationToken cancellationToken) => Task.FromResult(District.Create(draft.Name));

    public override Task UpdateAsync(District entry, DistrictDraft draft, CancellationToken cancellationToken)
    {
        entry.Rename(draft.Name);
        return Task.CompletedTask;
    }

    public override EntryKey<District> KeyOf(District entry) =>
        new(d => d.Name.ToLower() == entry.Name.ToLower(), DistrictConfiguration.UniqueName, new DomainException("District.NameTaken", entry.Name));

    /// <summary>The requests from the district and the drivers who serve it.</summary>
    public override async Task<EntryUses> CountUsesAsync(int id, CancellationToken cancellationToken) =>
        EntryUses.Of(
            await db.PickupRequests.CountAsync(r => r.DistrictId == id, cancellationToken),
            await db.Drivers.CountAsync(d => d.DistrictIds.Contains(id), cancellationToken));
}
