namespace ServiceBooking.Web.Platform.Audit;

/// <summary>What kind of actor made a change.</summary>
public enum AuditActorKind
{
    /// <summary>A signed-in person (<see cref="AuditActor.UserId"/> and their nickname).</summary>
    User,

    /// <summary>A request from someone not signed in (registration, password reset, unsubscribe links).</summary>
    Anonymous,

    /// <summary>A scheduled job (<c>reminders</c>, <c>campaigns</c>…), run by the scheduler or by <c>run-job</c>.</summary>
    Job,

    /// <summary>An operations command (<c>create-admin</c>).</summary>
    Command,

    /// <summary>The site itself: start-up work (the first Admin, demo data), or code that named no actor.</summary>
    System,
}

/// <summary>
/// Who made a change, as the audit trail records it. In a request it is the signed-in user (or "anonymous"), read from
/// the request; outside requests, whoever runs the work says who it is with <see cref="Use"/> (the scheduler's jobs,
/// the commands, start-up). Code that names nobody outside a request is recorded as <see cref="Unattributed"/>, so a
/// missing actor shows in the trail instead of being guessed.
/// </summary>
public sealed record AuditActor(AuditActorKind Kind, string Name, string? UserId = null)
{
    private static readonly AsyncLocal<AuditActor?> Ambient = new();

    public static AuditActor Anonymous { get; } = new(AuditActorKind.Anonymous, "anonymous");

    /// <summary>Start-up work: migrations, the first Admin from configuration, demo data.</summary>
    public static AuditActor Startup { get; } = new(AuditActorKind.System, "startup");

    public static AuditActor Unattributed { get; } = new(AuditActorKind.System, "unattributed");

    /// <summary>The actor named by the code running now, if any (it flows into awaited calls like any async-local value).</summary>
    public static AuditActor? Current => Ambient.Value;

    public static AuditActor Job(string name) => new(AuditActorKind.Job, name);

    public static AuditActor Command(string name) => new(AuditActorKind.Command, name);

    public static AuditActor Person(string userId, string nickname) => new(AuditActorKind.User, nickname, userId);

    /// <summary>Changes saved until the result is disposed are recorded as made by <paramref name="actor"/>.</summary>
    public static IDisposable Use(AuditActor actor)
    {
        var previous = Ambient.Value;
        Ambient.Value = actor;
        return new Restore(previous);
    }

    private sealed class Restore(AuditActor? previous) : IDisposable
    {
        public void Dispose() => Ambient.Value = previous;
    }
}
