using Microsoft.EntityFrameworkCore;
using Npgsql;
using ServiceBooking.Domain.Common;
using ServiceBooking.Web.Platform.Data;

namespace ServiceBooking.Web.Platform.Admin;

/// <summary>What every list of the Admin's does, for any kind of entry: switches one on or off, and removes one.</summary>
public sealed class AdminEntries<TEntry>(ApplicationDbContext db, IEntryUses<TEntry> uses)
    where TEntry : Entity, IActivatable
{
    /// <summary>Switches the entry on or off and saves; null when there is no such entry.</summary>
    public async Task<TEntry?> ToggleAsync(int id, CancellationToken cancellationToken)
    {
        var entry = await db.Set<TEntry>().FindAsync([id], cancellationToken);
        if (entry is null)
        {
            return null;
        }

        if (entry.IsActive)
        {
            entry.Deactivate();
        }
        else
        {
            entry.Activate();
        }

        await db.SaveChangesAsync(cancellationToken);
        return entry;
    }

    /// <summary>
    /// Deletes the entry when nothing refers to it, and deactivates it otherwise (<see cref="Retirement"/>); saves, and says
    /// which it was with the uses that kept it. Null when there is no such entry.
    /// </summary>
    public Task<EntryRemoval<TEntry>?> RemoveAsync(int id, CancellationToken cancellationToken) => RemoveAsync(id, again: true, cancellationToken);

    private async Task<EntryRemoval<TEntry>?> RemoveAsync(int id, bool again, CancellationToken cancellationToken)
    {
        var entry = await db.Set<TEntry>().FindAsync([id], cancellationToken);
        if (entry is null)
        {
            return null;
        }

        var count = await uses.CountUsesAsync(id, cancellationToken);
        var outcome = entry.Retire(count.Total);
        if (outcome == Removal.Delete)
        {
            db.Remove(entry);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException error) when (again && error.InnerException is PostgresException { SqlState: PostgresErrorCodes.ForeignKeyViolation })
        {
            // Something came to use the entry between the count and the delete, and the database's foreign key kept it:
            // counted again, it is in use, so it is deactivated instead.
            db.ChangeTracker.Clear();
            return await RemoveAsync(id, again: false, cancellationToken);
        }

        if (outcome == Removal.Delete)
        {
            uses.Deleted(entry);
        }

        return new EntryRemoval<TEntry>(entry, outcome, count);
    }
}
