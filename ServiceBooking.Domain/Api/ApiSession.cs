using ServiceBooking.Domain.Common;

namespace ServiceBooking.Domain.Api;

/// <summary>
/// A staff member signed in from a bot or a phone (seed 001's bots refresh every 20 hours): short-lived access tokens,
/// and one refresh token at a time, replaced on every use. A refresh token used a second time (copied, stolen) ends the
/// session, as does signing out or an Admin; a session unused for <see cref="IdleLifetime"/> ends by itself.
/// </summary>
public sealed class ApiSession : Entity
{
    public const int MaxDeviceLength = 100;

    /// <summary>How long a refresh token stays good without being used.</summary>
    public static readonly TimeSpan IdleLifetime = TimeSpan.FromDays(30);

    private ApiSession()
    {
    }

    public string UserId { get; private set; } = string.Empty;

    /// <summary>The refresh token's public part, which finds the session (the rest of the token is secret).</summary>
    public string Key { get; private set; } = string.Empty;

    /// <summary>What the client said it is ("Telegram bot", "Android"), for the staff member's list of sessions.</summary>
    public string? Device { get; private set; }

    public IReadOnlyList<string> Scopes { get; private set; } = [];

    /// <summary>The SHA-256 of the current refresh token.</summary>
    public byte[] RefreshHash { get; private set; } = [];

    /// <summary>The SHA-256 of the refresh token this one replaced: seen again, it was copied.</summary>
    public byte[]? PreviousHash { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset RefreshedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    /// <summary>Why it ended: <c>signed-out</c>, <c>reused</c>, <c>revoked</c>.</summary>
    public string? RevokedBecause { get; private set; }

    public bool IsActive(DateTimeOffset now) => RevokedAt is null && now < ExpiresAt;

    public static ApiSession Start(string userId, string? device, IEnumerable<string>? scopes, string key, byte[] refreshHash, DateTimeOffset now) =>
        new()
        {
            UserId = userId,
            Key = key,
            Device = Text.Optional(device, MaxDeviceLength, "ApiSession.Device"),
            Scopes = ApiScopes.Parse(scopes),
            RefreshHash = refreshHash,
            CreatedAt = now,
            RefreshedAt = now,
            ExpiresAt = now + IdleLifetime,
        };

    /// <summary>The refresh token was used: it is replaced by <paramref name="newHash"/>'s.</summary>
    public void Rotate(byte[] newHash, DateTimeOffset now)
    {
        if (!IsActive(now))
        {
            throw new DomainException("ApiSession.Ended");
        }

        PreviousHash = RefreshHash;
        RefreshHash = newHash;
        RefreshedAt = now;
        ExpiresAt = now + IdleLifetime;
    }

    /// <summary>Ends the session (no effect on one already ended).</summary>
    public void End(string because, DateTimeOffset now)
    {
        if (RevokedAt is null)
        {
            RevokedAt = now;
            RevokedBecause = because;
        }
    }
}
