using Microsoft.EntityFrameworkCore;
using ServiceBooking.Domain.Common;
using ServiceBooking.Web.Platform.Data;

namespace ServiceBooking.Web.Platform.Admin;

/// <summary>
/// What every edit page of the Admin's does, for any kind of entry: loads the entry or finds there is none, creates or
/// changes it through the Domain, refuses a duplicate, and survives two Admins saving the same key at once (the
/// database's unique index settles it; the loser gets the same refusal as if the check had seen the winner).
/// </summary>
public sealed class AdminEditor<TEntry, TDraft, TChoices>(ApplicationDbContext db, AdminEntryKind<TEntry, TDraft, TChoices> kind)
    where TEntry : Entity, IActivatable
{
    /// <summary>The form for entry <paramref name="id"/>, or for a new entry when it is null; null when there is no such entry.</summary>
    public async Task<EntryForm<TEntry, TChoices>?> OpenAsync(int? id, CancellationToken cancellationToken)
    {
        var entry = id is { } known ? await FindAsync(db.Set<TEntry>().AsNoTracking(), known, cancellationToken) : null;
        if (id is not null && entry is null)
        {
            return null;
        }

        return new EntryForm<TEntry, TChoices>(entry, await kind.ChoicesAsync(entry, cancellationToken));
    }

    /// <summary>
    /// Creates an entry from <paramref name="draft"/> (no id) or changes entry <paramref name="id"/> to it, and saves. A
    /// refusal comes with the form to show again, for the entry as it is stored. Null when there is no such entry.
    /// </summary>
    public async Task<SaveOutcome<TEntry, TChoices>?> SaveAsync(int? id, TDraft draft, CancellationToken cancellationToken)
    {
        var entry = id is { } known ? await FindAsync(db.Set<TEntry>(), known, cancellationToken) : null;
        if (id is not null && entry is null)
        {
            return null;
        }

        try
        {
            return new SaveOutcome<TEntry, TChoices>(await SaveAsync(entry, draft, cancellationToken), null, null);
        }
        catch (DomainException refusal)
        {
            // Nothing of the refused change stays behind: the form shows the entry as it is stored.
            db.ChangeTracker.Clear();
            return await OpenAsync(id, cancellationToken) is { } form ? new SaveOutcome<TEntry, TChoices>(default, refusal, form) : null;
        }
    }

    private Task<TEntry?> FindAsync(IQueryable<TEntry> entries, int id, CancellationToken cancellationToken) =>
        kind.ForEditing(entries).SingleOrDefaultAsync(e => e.Id == id, cancellationToken);

    private async Task<TEntry> SaveAsync(TEntry? entry, TDraft draft, CancellationToken cancellationToken)
    {
        if (entry is null)
        {
            entry = await kind.CreateAsync(draft, cancellationToken);
            db.Add(entry);
        }
        else
        {
            await kind.UpdateAsync(entry, draft, cancellationToken);
        }

        var key = kind.KeyOf(entry);
        var id = entry.Id;
        if (key is not null && await db.Set<TEntry>().Where(e => e.Id != id).AnyAsync(key.Same, cancellationToken))
        {
            throw key.Taken;
        }

        var effects = await kind.PrepareAsync(entry, draft, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException error)
        {
            effects?.Abandoned();
            if (key?.UniqueIndex is { } index && UniqueViolation.Constraint(error) == index)
            {
                // Another Admin saved the same key between the check above and this save.
                throw key.Taken;
            }

            throw;
        }

        effects?.Committed();
        return entry;
    }
}
