using ServiceBooking.Domain.Common;

namespace ServiceBooking.Web.Platform.Admin;

/// <summary>
/// One kind of the Admin's entries (an oil, an engine, a service advisor), declared by the module that owns it the way an
/// <c>IEntityTypeConfiguration</c> declares a table: how an entry is loaded for editing, what its form offers to choose
/// from, how it is created and changed through the Domain, what makes two entries the same and what counts as a use.
/// <see cref="AdminEditor{TEntry, TDraft, TChoices}"/> and <see cref="AdminEntries{TEntry}"/> do the rest, alike for all.
/// </summary>
/// <typeparam name="TEntry">The Domain entity.</typeparam>
/// <typeparam name="TDraft">What an Admin typed, parsed: the values an entry is created from or changed to.</typeparam>
/// <typeparam name="TChoices">What the edit form offers to choose from (<see cref="NoChoices"/> for a form that offers none).</typeparam>
public abstract class AdminEntryKind<TEntry, TDraft, TChoices> : IEntryUses<TEntry>
    where TEntry : Entity, IActivatable
{
    /// <summary>The entries with what editing one needs loaded along (its oil, its parts); the entries alone by default.</summary>
    public virtual IQueryable<TEntry> ForEditing(IQueryable<TEntry> entries) => entries;

    /// <summary>What the form for <paramref name="entry"/> (null: a new one, as stored otherwise) offers to choose from.</summary>
    public abstract Task<TChoices> ChoicesAsync(TEntry? entry, CancellationToken cancellationToken);

    /// <summary>A new entry made from <paramref name="draft"/> by the Domain; a broken rule throws <see cref="DomainException"/>.</summary>
    public abstract Task<TEntry> CreateAsync(TDraft draft, CancellationToken cancellationToken);

    /// <summary>Changes <paramref name="entry"/> (tracked) to <paramref name="draft"/> through the Domain; a broken rule throws <see cref="DomainException"/>.</summary>
    public abstract Task UpdateAsync(TEntry entry, TDraft draft, CancellationToken cancellationToken);

    /// <summary>What makes another entry the same as <paramref name="entry"/>; null (the default) when entries may repeat.</summary>
    public virtual EntryKey<TEntry>? KeyOf(TEntry entry) => null;

    /// <summary>
    /// Work outside the database that saving <paramref name="entry"/> needs (a car model's picture file), done once the
    /// entry has passed its checks, just before it is saved; the effects it returns are finished or undone with the save.
    /// </summary>
    public virtual Task<SaveEffects?> PrepareAsync(TEntry entry, TDraft draft, CancellationToken cancellationToken) =>
        Task.FromResult<SaveEffects?>(null);

    /// <inheritdoc />
    public abstract Task<EntryUses> CountUsesAsync(int id, CancellationToken cancellationToken);

    /// <inheritdoc />
    public virtual void Deleted(TEntry entry)
    {
    }
}
