using System.Text.Json.Nodes;

namespace ServiceBooking.Web.Platform.Audit;

/// <summary>
/// An entity type whose every change goes into the audit trail, under <see cref="Name"/>. Modules register theirs with
/// <see cref="AuditRegistration.AddAudited{T}"/>. By default the trail keeps every mapped field of the entity (and of
/// what it owns, as <c>Owned.Field</c>) except keys, concurrency stamps and the created/updated stamps;
/// <see cref="Describe"/> replaces the fields with a projection (a join row such as a user's role says the role's name).
/// </summary>
public sealed class AuditedEntity(Type type, string name, Func<object, string>? id, Func<object, JsonObject>? describe, IReadOnlySet<string> ignored)
{
    public Type Type => type;

    public string Name => name;

    /// <summary>What the entry's entity id is; the primary key when null.</summary>
    public Func<object, string>? Id => id;

    public Func<object, JsonObject>? Describe => describe;

    /// <summary>Fields never recorded for this entity (derived or noisy ones).</summary>
    public IReadOnlySet<string> Ignored => ignored;
}

public static class AuditRegistration
{
    /// <summary>
    /// Puts every change of <typeparamref name="T"/> into the audit trail: one line in a module's <c>Add&lt;Module&gt;()</c>.
    /// <paramref name="name"/> defaults to the class name; <paramref name="id"/> to the primary key;
    /// <paramref name="describe"/> replaces the recorded fields with a projection (an anonymous object).
    /// Secrets are never recorded, whatever is registered (<see cref="AuditInterceptor"/>).
    /// </summary>
    public static IServiceCollection AddAudited<T>(
        this IServiceCollection services, string? name = null, Func<T, string>? id = null, Func<T, object>? describe = null,
        IReadOnlyCollection<string>? ignore = null)
        where T : class
    {
        services.AddSingleton(new AuditedEntity(
            typeof(T),
            name ?? typeof(T).Name,
            id is null ? null : entity => id((T)entity),
            describe is null ? null : entity => AuditValues.ToObject(describe((T)entity)),
            new HashSet<string>(ignore ?? [], StringComparer.Ordinal)));
        return services;
    }
}
