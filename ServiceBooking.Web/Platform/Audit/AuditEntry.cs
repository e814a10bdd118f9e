using System.Text.Json;

namespace ServiceBooking.Web.Platform.Audit;

public enum AuditAction
{
    Added,
    Changed,
    Deleted,
}

/// <summary>
/// One change of an audited entity, as the trail keeps it for good: who (<see cref="ActorKind"/>, <see cref="ActorId"/>
/// and <see cref="ActorName"/>), when, what (<see cref="EntityType"/> and <see cref="EntityId"/>), the action and the
/// fields with their values before and after (<see cref="Changes"/>, jsonb). Written only by
/// <see cref="AuditInterceptor"/>; the database refuses to update or delete it (see the table's triggers).
/// </summary>
public sealed class AuditEntry
{
    private AuditEntry()
    {
    }

    public long Id { get; private set; }

    public DateTimeOffset At { get; private set; }

    public AuditActorKind ActorKind { get; private set; }

    /// <summary>The user's id for <see cref="AuditActorKind.User"/>; null for anyone else.</summary>
    public string? ActorId { get; private set; }

    /// <summary>The user's nickname at the time, or the job's or command's name.</summary>
    public string ActorName { get; private set; } = string.Empty;

    /// <summary>The name the entity was registered with (<c>Booking</c>, <c>Car</c>, <c>UserRole</c>…).</summary>
    public string EntityType { get; private set; } = string.Empty;

    public string EntityId { get; private set; } = string.Empty;

    public AuditAction Action { get; private set; }

    /// <summary>
    /// A JSON object: field name → <c>{"before": …, "after": …}</c> (null before an addition, after a deletion), or
    /// <c>{"withheld": true}</c> for a secret that changed (its values are never kept).
    /// </summary>
    public string Changes { get; private set; } = "{}";

    /// <summary>The request the change was made in (<c>HttpContext.TraceIdentifier</c>, as the logs show it), if any.</summary>
    public string? RequestId { get; private set; }

    public IReadOnlyDictionary<string, AuditChange> ReadChanges()
    {
        // One document that owns its memory (nothing pooled to give back): the values point into it, none is copied.
        var json = JsonSerializer.Deserialize<JsonElement>(Changes);
        return json.EnumerateObject().ToDictionary(
            field => field.Name,
            field => field.Value.TryGetProperty("withheld", out _)
                ? new AuditChange(null, null, Withheld: true)
                : new AuditChange(Value(field.Value, "before"), Value(field.Value, "after"), Withheld: false));
    }

    private static JsonElement? Value(JsonElement change, string name) =>
        change.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;
}

/// <summary>One field of an <see cref="AuditEntry"/>: its value before and after (null when there was none).</summary>
public sealed record AuditChange(JsonElement? Before, JsonElement? After, bool Withheld)
{
    public string? BeforeText => Text(Before);

    public string? AfterText => Text(After);

    private static string? Text(JsonElement? value) => value switch
    {
        null => null,
        { ValueKind: JsonValueKind.String } text => text.GetString(),
        { } other => other.GetRawText(),
    };
}
