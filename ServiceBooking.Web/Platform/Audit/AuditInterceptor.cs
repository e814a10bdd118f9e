using System.Runtime.CompilerServices;
using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace ServiceBooking.Web.Platform.Audit;

/// <summary>
/// Records every change of a registered entity (<see cref="AuditRegistration.AddAudited{T}"/>) in
/// <c>audit_entries</c>, in the same transaction as the change: a change is never saved without its entry, nor an entry
/// without its change. Handlers do nothing for it.
/// <para>
/// Before the save it notes what changes (the values before are only known then) and, when the caller has no
/// transaction, opens one; after the save (when new rows have their ids) it writes the entries with one statement and
/// commits the transaction it opened. A failed save rolls that transaction back. The caller's own transaction is
/// joined, so its rollback takes the entries with it.
/// </para>
/// Only changes made through the change tracker are seen: <c>ExecuteUpdate</c>/<c>ExecuteDelete</c> and raw SQL bypass
/// it, so audited entities are changed through their entities (no module does otherwise).
/// </summary>
public sealed class AuditInterceptor(IEnumerable<AuditedEntity> audited, IHttpContextAccessor http, TimeProvider clock)
    : SaveChangesInterceptor
{
    private const string InsertSql = """
        INSERT INTO audit_entries (at, actor_kind, actor_id, actor_name, request_id, entity_type, entity_id, action, changes)
        SELECT @at, @actor_kind, @actor_id, @actor_name, @request_id, e.entity_type, e.entity_id, e.action, e.changes::jsonb
        FROM unnest(@entity_types, @entity_ids, @actions, @changes) WITH ORDINALITY AS e(entity_type, entity_id, action, changes, n)
        ORDER BY e.n
        """;

    private static readonly ConditionalWeakTable<DbContext, Saving> InProgress = [];

    private readonly Dictionary<Type, AuditedEntity> _audited = audited.ToDictionary(a => a.Type);

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } context && Collect(context) is { Count: > 0 } changes)
        {
            var own = context.Database.CurrentTransaction is null ? context.Database.BeginTransaction() : null;
            Begin(context, changes, own);
        }

        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && Collect(context) is { Count: > 0 } changes)
        {
            var own = context.Database.CurrentTransaction is null ? await context.Database.BeginTransactionAsync(cancellationToken) : null;
            Begin(context, changes, own);
        }

        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (Take(eventData.Context) is { } saving)
        {
            using (saving)
            {
                eventData.Context!.Database.ExecuteSqlRaw(InsertSql, saving.Parameters());
                saving.Own?.Commit();
            }
        }

        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (Take(eventData.Context) is { } saving)
        {
            await using (saving)
            {
                await eventData.Context!.Database.ExecuteSqlRawAsync(InsertSql, saving.Parameters(), cancellationToken);
                if (saving.Own is { } own)
                {
                    await own.CommitAsync(cancellationToken);
                }
            }
        }

        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Take(eventData.Context)?.Dispose();

    public override async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (Take(eventData.Context) is { } saving)
        {
            await saving.DisposeAsync();
        }
    }

    /// <summary>
    /// A save that lost to a newer version of a row ends here, not in <see cref="SaveChangesFailed"/>: EF reports an
    /// optimistic concurrency failure apart from other failures. Its transaction is rolled back and forgotten, or the
    /// next save of this context (a pooled one serves many requests) would try to commit it.
    /// </summary>
    public override InterceptionResult ThrowingConcurrencyException(ConcurrencyExceptionEventData eventData, InterceptionResult result)
    {
        Take(eventData.Context)?.Dispose();
        return result;
    }

    public override async ValueTask<InterceptionResult> ThrowingConcurrencyExceptionAsync(
        ConcurrencyExceptionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        if (Take(eventData.Context) is { } saving)
        {
            await saving.DisposeAsync();
        }

        return result;
    }

    public override void SaveChangesCanceled(DbContextEventData eventData) => Take(eventData.Context)?.Dispose();

    public override async Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        if (Take(eventData.Context) is { } saving)
        {
            await saving.DisposeAsync();
        }
    }

    private void Begin(DbContext context, List<Pending> changes, IDbContextTransaction? own)
    {
        var (actor, requestId) = Who();
        var autoSavepoints = context.Database.AutoSavepointsEnabled;
        if (own is not null)
        {
            // EF would set a savepoint in "the caller's" transaction; this one is ours and ends with the save.
            context.Database.AutoSavepointsEnabled = false;
        }

        InProgress.AddOrUpdate(context, new Saving(context, changes, own, autoSavepoints, actor, requestId, clock.GetUtcNow()));
    }

    private static Saving? Take(DbContext? context) =>
        context is not null && InProgress.TryGetValue(context, out var saving) && InProgress.Remove(context) ? saving : null;

    /// <summary>The actor the running code named, else the request's user (or anonymous), else <see cref="AuditActor.Unattributed"/>.</summary>
    private (AuditActor Actor, string? RequestId) Who()
    {
        var request = http.HttpContext;
        if (AuditActor.Current is { } named)
        {
            return (named, request?.TraceIdentifier);
        }

        if (request is null)
        {
            return (AuditActor.Unattributed, null);
        }

        var user = request.User;
        return user.Identity is { IsAuthenticated: true } identity && user.FindFirstValue(ClaimTypes.NameIdentifier) is { } id
            ? (AuditActor.Person(id, identity.Name ?? id), request.TraceIdentifier)
            : (AuditActor.Anonymous, request.TraceIdentifier);
    }

    /// <summary>What is about to change. Additions are completed after the save, when their keys are known.</summary>
    private List<Pending> Collect(DbContext context)
    {
        var found = new List<Pending>();
        if (_audited.Count == 0)
        {
            return found;
        }

        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (!_audited.TryGetValue(entry.Metadata.ClrType, out var registration))
            {
                continue;
            }

            switch (entry.State)
            {
                case EntityState.Added:
                    found.Add(new Pending(entry, registration, AuditAction.Added));
                    break;
                case EntityState.Deleted:
                    found.Add(new Pending(entry, registration, AuditAction.Deleted) { EntityId = IdOf(entry, registration), Changes = Snapshot(entry, registration, before: true) });
                    break;
                case EntityState.Modified or EntityState.Unchanged:
                    var changes = Differences(entry, registration);
                    if (changes.Count > 0)
                    {
                        found.Add(new Pending(entry, registration, AuditAction.Changed) { EntityId = IdOf(entry, registration), Changes = changes });
                    }

                    break;
            }
        }

        return found;
    }

    private static string IdOf(EntityEntry entry, AuditedEntity registration) =>
        registration.Id?.Invoke(entry.Entity)
        ?? string.Join(":", entry.Metadata.FindPrimaryKey()!.Properties.Select(key => AuditValues.Key(entry.Property(key.Name).CurrentValue)));

    /// <summary>Every recorded field of an entity that is added (after) or deleted (before), nulls left out.</summary>
    private static JsonObject Snapshot(EntityEntry entry, AuditedEntity registration, bool before)
    {
        if (registration.Describe is { } describe)
        {
            return new JsonObject(describe(entry.Entity).Select(field => KeyValuePair.Create(
                field.Key, (JsonNode?)(before ? AuditValues.Change(field.Value?.DeepClone(), null) : AuditValues.Change(null, field.Value?.DeepClone())))));
        }

        var changes = new JsonObject();
        AddSnapshot(changes, entry, registration, before, prefix: string.Empty);
        return changes;
    }

    private static void AddSnapshot(JsonObject changes, EntityEntry entry, AuditedEntity registration, bool before, string prefix)
    {
        foreach (var property in entry.Properties.Where(p => AuditValues.IsRecorded(p, registration)))
        {
            var value = before ? property.OriginalValue : property.CurrentValue;
            if (value is null)
            {
                continue;
            }

            var name = prefix + property.Metadata.Name;
            var json = AuditValues.ToJson(property.Metadata, value);
            changes[name] = AuditValues.IsSecret(name) ? AuditValues.Withheld() : before ? AuditValues.Change(json, null) : AuditValues.Change(null, json);
        }

        foreach (var owned in OwnedEntries(entry))
        {
            AddSnapshot(changes, owned.Entry, registration, before, prefix + owned.Name + ".");
        }
    }

    /// <summary>The fields of a changed entity (or of what it owns) whose values differ from those it was read with.</summary>
    private static JsonObject Differences(EntityEntry entry, AuditedEntity registration)
    {
        if (registration.Describe is { } describe)
        {
            if (entry.State != EntityState.Modified)
            {
                return [];
            }

            var was = describe(entry.OriginalValues.ToObject());
            var now = describe(entry.Entity);
            return new JsonObject(was.Select(f => f.Key).Union(now.Select(f => f.Key))
                .Where(name => !JsonNode.DeepEquals(was[name], now[name]))
                .Select(name => KeyValuePair.Create(name, (JsonNode?)AuditValues.Change(was[name]?.DeepClone(), now[name]?.DeepClone()))));
        }

        var changes = new JsonObject();
        AddDifferences(changes, entry, registration, prefix: string.Empty);
        return changes;
    }

    private static void AddDifferences(JsonObject changes, EntityEntry entry, AuditedEntity registration, string prefix)
    {
        if (entry.State == EntityState.Modified)
        {
            foreach (var property in entry.Properties.Where(p => AuditValues.IsRecorded(p, registration)))
            {
                // Values, not IsModified: Identity's stores call Update(), which marks every field modified.
                if (property.Metadata.GetValueComparer().Equals(property.OriginalValue, property.CurrentValue))
                {
                    continue;
                }

                var name = prefix + property.Metadata.Name;
                changes[name] = AuditValues.IsSecret(name)
                    ? AuditValues.Withheld()
                    : AuditValues.Change(AuditValues.ToJson(property.Metadata, property.OriginalValue), AuditValues.ToJson(property.Metadata, property.CurrentValue));
            }
        }

        foreach (var owned in OwnedEntries(entry))
        {
            if (owned.Entry.State == EntityState.Added)
            {
                // What it owns was replaced: the new values are known, the old ones went with the replaced object.
                AddSnapshot(changes, owned.Entry, registration, before: false, prefix + owned.Name + ".");
            }
            else
            {
                AddDifferences(changes, owned.Entry, registration, prefix + owned.Name + ".");
            }
        }
    }

    /// <summary>What an entity owns through a reference (a booking's quote). Owned collections are not audited yet.</summary>
    private static IEnumerable<(string Name, EntityEntry Entry)> OwnedEntries(EntityEntry entry) =>
        entry.References
            .Where(r => r.Metadata.TargetEntityType.IsOwned() && r.TargetEntry is { State: not EntityState.Detached })
            .Select(r => (r.Metadata.Name, r.TargetEntry!));

    /// <summary>One entity's entry in the making.</summary>
    private sealed class Pending(EntityEntry entry, AuditedEntity registration, AuditAction action)
    {
        public AuditAction Action => action;

        public string? EntityId { get; set; }

        public JsonObject? Changes { get; set; }

        public string Type => registration.Name;

        /// <summary>After the save: an addition gets its id and the values it was stored with.</summary>
        public (string Id, string Changes) Complete() => (
            EntityId ?? IdOf(entry, registration),
            (Changes ?? Snapshot(entry, registration, before: false)).ToJsonString());
    }

    /// <summary>A save in progress: its changes, who makes them, and the transaction opened for them (if any).</summary>
    private sealed class Saving(
        DbContext context, List<Pending> changes, IDbContextTransaction? own, bool autoSavepoints, AuditActor actor, string? requestId, DateTimeOffset at)
        : IDisposable, IAsyncDisposable
    {
        public IDbContextTransaction? Own => own;

        public object[] Parameters()
        {
            var rows = changes.Select(c => (c.Type, c.Action, Row: c.Complete())).ToList();
            return
            [
                new NpgsqlParameter("at", at),
                new NpgsqlParameter("actor_kind", actor.Kind.ToString()),
                new NpgsqlParameter("actor_id", NpgsqlDbType.Text) { Value = (object?)actor.UserId ?? DBNull.Value },
                new NpgsqlParameter("actor_name", actor.Name),
                new NpgsqlParameter("request_id", NpgsqlDbType.Text) { Value = (object?)requestId ?? DBNull.Value },
                new NpgsqlParameter("entity_types", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = rows.Select(r => r.Type).ToArray() },
                new NpgsqlParameter("entity_ids", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = rows.Select(r => r.Row.Id).ToArray() },
                new NpgsqlParameter("actions", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = rows.Select(r => r.Action.ToString()).ToArray() },
                new NpgsqlParameter("changes", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = rows.Select(r => r.Row.Changes).ToArray() },
            ];
        }

        /// <summary>Ends the transaction opened for the save: rolled back unless it was committed.</summary>
        public void Dispose()
        {
            own?.Dispose();
            context.Database.AutoSavepointsEnabled = autoSavepoints;
        }

        public async ValueTask DisposeAsync()
        {
            if (own is not null)
            {
                await own.DisposeAsync();
            }

            context.Database.AutoSavepointsEnabled = autoSavepoints;
        }
    }
}
