using System.Linq.Expressions;
using ServiceBooking.Domain.Common;

namespace ServiceBooking.Web.Platform.Admin;

/// <summary>What makes two entries of a kind the same (an engine: its code), and how the database keeps it so.</summary>
/// <param name="Same">Finds an entry with the same key.</param>
/// <param name="UniqueIndex">The unique index that settles a race between two saves of the same key; null when there is none.</param>
/// <param name="Taken">The refusal; its code says which field the page shows it at ("Engine.CodeTaken": the code).</param>
public sealed record EntryKey<TEntry>(Expression<Func<TEntry, bool>> Same, string? UniqueIndex, DomainException Taken);

/// <summary>Work outside the database that goes with one save: what to finish once the save is committed, what to undo when it is not.</summary>
public sealed record SaveEffects(Action Committed, Action Abandoned);
