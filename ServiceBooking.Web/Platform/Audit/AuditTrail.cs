using Microsoft.EntityFrameworkCore;
using ServiceBooking.Web.Platform.Data;

namespace ServiceBooking.Web.Platform.Audit;

/// <summary>Reads the audit trail (modules show an entity's history from it; nothing writes through here).</summary>
public sealed class AuditTrail(ApplicationDbContext db)
{
    /// <summary>The entries of some entities of one type, oldest first.</summary>
    public async Task<IReadOnlyList<AuditEntry>> OfAsync(string entityType, IReadOnlyCollection<string> entityIds, CancellationToken cancellationToken) =>
        entityIds.Count == 0
            ? []
            : await db.AuditTrail.AsNoTracking()
                .Where(e => e.EntityType == entityType && entityIds.Contains(e.EntityId))
                .OrderBy(e => e.At).ThenBy(e => e.Id)
                .ToListAsync(cancellationToken);

    /// <summary>
    /// The entries of one entity and of the entities of another type that <paramref name="relatedIds"/> names (an order
    /// and its stages), oldest first, in one round trip: each part is looked up in the entity index.
    /// </summary>
    public async Task<IReadOnlyList<AuditEntry>> OfAsync(
        string entityType, string entityId, string relatedType, IQueryable<string> relatedIds, CancellationToken cancellationToken) =>
        await db.AuditTrail.AsNoTracking().Where(e => e.EntityType == entityType && e.EntityId == entityId)
            .Concat(db.AuditTrail.AsNoTracking().Where(e => e.EntityType == relatedType && relatedIds.Contains(e.EntityId)))
            .OrderBy(e => e.At).ThenBy(e => e.Id)
            .ToListAsync(cancellationToken);
}
