namespace ServiceBooking.Web.Platform.Admin;

/// <summary>What refers to the entries of a kind: while anything does, removing one deactivates it instead of deleting it.</summary>
public interface IEntryUses<in TEntry>
{
    /// <summary>How many records of each kind refer to entry <paramref name="id"/> (an oil: the engines that need it).</summary>
    Task<EntryUses> CountUsesAsync(int id, CancellationToken cancellationToken);

    /// <summary>After an entry nothing used was deleted: removes what it kept outside the database (a car model's picture).</summary>
    void Deleted(TEntry entry);
}
