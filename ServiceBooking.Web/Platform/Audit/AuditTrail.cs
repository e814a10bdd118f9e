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
}
