using System.Linq.Expressions;

namespace ServiceBooking.Domain.Common;

/// <summary>
/// "Active, or the one already chosen": what an entry may be given to choose from is the active entries, plus those it
/// already has even when they were deactivated since. An engine keeps its oil on offer after the oil is switched off, so
/// editing the engine neither loses the oil nor forces another one; nothing new can pick the old oil.
/// </summary>
/// <remarks>
/// The same rule in two forms that must agree: <see cref="MayChoose{T}(T, T)"/> for an entity deciding about one choice,
/// and <see cref="Offered{T}(int?)"/> for a query that lists the choices (the database filters, nothing is loaded to be
/// thrown away).
/// </remarks>
public static class Choices
{
    /// <summary>Whether <paramref name="candidate"/> may be chosen where <paramref name="current"/> is chosen now (null: nothing yet).</summary>
    public static bool MayChoose<T>(T candidate, T? current)
        where T : Entity, IActivatable =>
        candidate.IsActive || candidate.SameAs(current);

    /// <summary>As <see cref="MayChoose{T}(T, T)"/> for a choice of several (the models a part fits): active, or among <paramref name="current"/>.</summary>
    public static bool MayChoose<T>(T candidate, IEnumerable<T> current)
        where T : Entity, IActivatable =>
        candidate.IsActive || current.Any(candidate.SameAs);

    /// <summary>The rule as a query filter: the active entries and the one with id <paramref name="currentId"/> (null: none yet).</summary>
    public static Expression<Func<T, bool>> Offered<T>(int? currentId)
        where T : Entity, IActivatable =>
        candidate => candidate.IsActive || candidate.Id == currentId;

    /// <summary>The rule as a query filter for a choice of several: the active entries and those with the ids in <paramref name="currentIds"/>.</summary>
    public static Expression<Func<T, bool>> Offered<T>(IReadOnlyCollection<int> currentIds)
        where T : Entity, IActivatable =>
        candidate => candidate.IsActive || currentIds.Contains(candidate.Id);
}
