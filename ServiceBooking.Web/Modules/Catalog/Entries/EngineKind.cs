using Microsoft.EntityFrameworkCore;
using ServiceBooking.Domain.Catalog;
using ServiceBooking.Domain.Common;
using ServiceBooking.Web.Platform.Admin;
using ServiceBooking.Web.Platform.Data;

namespace ServiceBooking.Web.Modules.Catalog.Entries;

/// <summary>What an Admin typed for an engine.</summary>
public sealed record EngineDraft(string Code, int OilId, decimal OilVolumeLitres, decimal DisplacementLitres);

/// <summary>The oils an engine's form offers: the active ones and the engine's own.</summary>
public sealed record EngineChoices(IReadOnlyList<Oil> Oils);

/// <summary>Engines: one per code; car models use them.</summary>
public sealed class EngineKind(ApplicationDbContext db) : AdminEntryKind<Engine, EngineDraft, EngineChoices>
{
    public async Task<IReadOnlyList<Engine>> ListAsync(CancellationToken cancellationToken) =>
        await db.Engines.AsNoTracking().Include(e => e.Oil).OrderBy(e => e.Code).ToListAsync(cancellationToken);

    public override IQueryable<Engine> ForEditing(IQueryable<Engine> entries) => entries.Include(e => e.Oil);

    public override async Task<EngineChoices> ChoicesAsync(Engine? entry, CancellationToken cancellationToken) =>
        new(await db.Oils.AsNoTracking()
            .Where(Choices.Offered<Oil>(entry?.OilId))
            .OrderBy(o => o.Brand).ThenBy(o => o.Viscosity)
            .ToListAsync(cancellationToken));

    public override async Task<Engine> CreateAsync(EngineDraft draft, CancellationToken cancellationToken) =>
        new(draft.Code, await OilAsync(draft.OilId, cancellationToken), draft.OilVolumeLitres, draft.DisplacementLitres);

    public override async Task UpdateAsync(Engine entry, EngineDraft draft, CancellationToken cancellationToken) =>
        entry.Update(draft.Code, await OilAsync(draft.OilId, cancellationToken), draft.OilVolumeLitres, draft.DisplacementLitres);

    public override EntryKey<Engine> KeyOf(Engine entry) =>
        new(e => e.Code == entry.Code, "ix_engines_code", new DomainException("Engine.CodeTaken", entry.Code));

    /// <summary>The car models with the engine.</summary>
    public override async Task<EntryUses> CountUsesAsync(int id, CancellationToken cancellationToken) =>
        EntryUses.Of(await db.CarModels.CountAsync(m => m.EngineId == id, cancellationToken));

    /// <summary>The chosen oil; whether a deactivated one may stay is the Domain's call (only as the engine's own).</summary>
    private async Task<Oil> OilAsync(int id, CancellationToken cancellationToken) =>
        await db.Oils.FindAsync([id], cancellationToken) ?? throw new DomainException("Engine.OilUnknown");
}
