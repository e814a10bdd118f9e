using ServiceBooking.Domain.Common;
using ServiceBooking.Web.Platform.Data;

namespace ServiceBooking.Web.Platform.Admin;

/// <summary>What the Admin's lists do alike: switch an entry on or off, and delete one that nothing refers to.</summary>
public static class AdminEntries
{
    /// <summary>Switches the entry on or off and saves; null when there is no such entry.</summary>
    public static async Task<T?> ToggleAsync<T>(ApplicationDbContext db, int id, CancellationToken cancellationToken)
        where T : class, IActivatable
    {
        var entry = await db.Set<T>().FindAsync([id], cancellationToken);
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
    /// Deletes the entry when <paramref name="countUses"/> finds nothing that refers to it, and deactivates it otherwise;
    /// saves, and gives the entry with its number of uses (null when there is no such entry).
    /// </summary>
    public static async Task<(T Entry, int Uses)?> DeleteUnusedAsync<T>(
        ApplicationDbContext db, int id, Func<Task<int>> countUses, CancellationToken cancellationToken)
        where T : class, IActivatable
    {
        var entry = await db.Set<T>().FindAsync([id], cancellationToken);
        if (entry is null)
        {
            return null;
        }

        var uses = await countUses();
        if (uses > 0)
        {
            entry.Deactivate();
        }
        else
        {
            db.Set<T>().Remove(entry);
        }

        await db.SaveChangesAsync(cancellationToken);
        return (entry, uses);
    }
}
