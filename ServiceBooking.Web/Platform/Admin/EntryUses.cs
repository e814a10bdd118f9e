using ServiceBooking.Domain.Common;

namespace ServiceBooking.Web.Platform.Admin;

/// <summary>How many records of each kind refer to an entry, in the order its kind counts them (a car model: cars, parts, repair types).</summary>
public sealed record EntryUses(IReadOnlyList<int> Counts)
{
    public int Total => Counts.Sum();

    public static EntryUses Of(params int[] counts) => new(counts);
}

/// <summary>What removing an entry came to: deleted, or deactivated because of its uses.</summary>
public sealed record EntryRemoval<TEntry>(TEntry Entry, Removal Outcome, EntryUses Uses);
