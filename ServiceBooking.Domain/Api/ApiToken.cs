using ServiceBooking.Domain.Common;

namespace ServiceBooking.Domain.Api;

/// <summary>
/// A token an Admin issues to one client application (a bot, the site of seed 000, a dispatch service): named, given
/// scopes and the staff account it acts as, shown once and kept only as a hash, revoked by an Admin. Its use is
/// recorded (at most once a minute, so that using it costs no write per request).
/// </summary>
public sealed class ApiToken : Entity
{
    public const int MaxNameLength = 100;

    /// <summary>How stale <see cref="LastUsedAt"/> may be before a use writes it again.</summary>
    public static readonly TimeSpan UseRecordedEvery = TimeSpan.FromMinutes(1);

    private ApiToken()
    {
    }

    public string Name { get; private set; } = string.Empty;

    /// <summary>The token's public part (it starts the token, and finds the row); the rest is secret.</summary>
    public string Prefix { get; private set; } = string.Empty;

    /// <summary>The SHA-256 of the whole token.</summary>
    public byte[] SecretHash { get; private set; } = [];

    public IReadOnlyList<string> Scopes { get; private set; } = [];

    /// <summary>The account the application acts as: its roles decide what each scope allows.</summary>
    public string UserId { get; private set; } = string.Empty;

    public string CreatedById { get; private set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? LastUsedAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public string? RevokedById { get; private set; }

    public bool IsRevoked => RevokedAt is not null;

    public static ApiToken Issue(string? name, IEnumerable<string>? scopes, string userId, string prefix, byte[] secretHash, string createdById, DateTimeOffset now) =>
        new()
        {
            Name = Text.Required(name, MaxNameLength, "ApiToken.Name"),
            Scopes = ApiScopes.Parse(scopes),
            UserId = userId,
            Prefix = prefix,
            SecretHash = secretHash,
            CreatedById = createdById,
            CreatedAt = now,
        };

    public void Revoke(string byId, DateTimeOffset now)
    {
        if (IsRevoked)
        {
            throw new DomainException("ApiToken.Revoked");
        }

        RevokedAt = now;
        RevokedById = byId;
    }

    /// <summary>Whether a use at <paramref name="now"/> is to be written (the last one written is older than a minute).</summary>
    public static bool UseIsDue(DateTimeOffset? lastUsedAt, DateTimeOffset now) => lastUsedAt is not { } last || now - last >= UseRecordedEvery;
}
