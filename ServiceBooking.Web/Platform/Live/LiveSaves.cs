using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ServiceBooking.Web.Platform.Live;

/// <summary>Which topics a saved entity changes; a module registers one per entity type a live page shows.</summary>
public sealed record LiveEntityTopics(Type EntityType, Func<EntityEntry, IEnumerable<string>> Topics);

/// <summary>
/// Tells this instance's <see cref="LiveHub"/> at once about changes it commits itself, so that the next request here
/// reads them even if the database's notification (which follows the same commit) has not arrived yet. Topics are
/// collected when a context saves and published when the change is committed: after the save without a transaction
/// of the caller's, or when the caller's transaction commits; a rollback publishes nothing. Everything else, other
/// instances included, hears of the change from the triggers' notification.
/// </summary>
public sealed class LiveSaves(LiveHub hub, IEnumerable<LiveEntityTopics> registrations) : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    private static readonly ConditionalWeakTable<DbContext, HashSet<string>> Pending = [];

    private readonly Dictionary<Type, Func<EntityEntry, IEnumerable<string>>> _topics =
        registrations.ToDictionary(r => r.EntityType, r => r.Topics);

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        AfterSave(eventData.Context);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        AfterSave(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData) => AfterSave(eventData.Context);

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        AfterSave(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Flush(eventData.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Flush(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Discard(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Discard(eventData.Context);
        return Task.CompletedTask;
    }

    private void Collect(DbContext? context)
    {
        if (context is null || _topics.Count == 0)
        {
            return;
        }

        HashSet<string>? topics = null;
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
                && _topics.TryGetValue(entry.Metadata.ClrType, out var of))
            {
                topics ??= Pending.GetValue(context, _ => new HashSet<string>(StringComparer.Ordinal));
                topics.UnionWith(of(entry));
            }
        }
    }

    /// <summary>Without a transaction of the caller's the save has committed (or failed) by now.</summary>
    private void AfterSave(DbContext? context)
    {
        if (context is not null && context.Database.CurrentTransaction is null)
        {
            Flush(context);
        }
    }

    private void Flush(DbContext? context)
    {
        if (context is not null && Pending.TryGetValue(context, out var topics))
        {
            Pending.Remove(context);
            foreach (var topic in topics)
            {
                hub.Publish(topic);
            }
        }
    }

    private static void Discard(DbContext? context)
    {
        if (context is not null)
        {
            Pending.Remove(context);
        }
    }
}
