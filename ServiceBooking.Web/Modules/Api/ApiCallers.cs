using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using ServiceBooking.Domain.Api;
using ServiceBooking.Web.Platform.Data;

namespace ServiceBooking.Web.Modules.Api;

/// <summary>Who an API request comes from: the account it acts as, its roles, the credential's scopes.</summary>
public sealed record ApiCaller(string UserId, string Nickname, IReadOnlyList<string> Roles, IReadOnlyList<string> Scopes, string Credential)
{
    public const string ScopeClaim = "scope";

    /// <summary>The credential (<c>token:12</c>, <c>session:5</c>): rate limits and idempotency keys are per credential.</summary>
    public const string CredentialClaim = "credential";

    public ClaimsPrincipal Principal(string scheme) => new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, UserId),
            new Claim(ClaimTypes.Name, Nickname),
            new Claim(CredentialClaim, Credential),
            .. Roles.Select(r => new Claim(ClaimTypes.Role, r)),
            .. Scopes.Select(s => new Claim(ScopeClaim, s)),
        ],
        scheme, ClaimTypes.Name, ClaimTypes.Role));
}

/// <summary>
/// Turns a bearer credential into its <see cref="ApiCaller"/> without a database round trip per request: what a
/// credential stands for (its account's roles, its scopes, whether it is revoked) is read once and kept for
/// <see cref="CachedFor"/>, so a revocation, a role taken away or a session ended takes effect within that time on every
/// instance. An unknown credential is remembered as unknown for the same time (a flood of made-up tokens costs one read
/// each, then none). An application token's use is written at most once a minute (<see cref="ApiToken.UseIsDue"/>).
/// </summary>
public sealed class ApiCallers(IMemoryCache cache, IServiceScopeFactory scopes, IDataProtectionProvider protection, TimeProvider time)
{
    public static readonly TimeSpan CachedFor = TimeSpan.FromSeconds(5);

    /// <summary>How long an access token is good for; the client refreshes it with its refresh token.</summary>
    public static readonly TimeSpan AccessLifetime = TimeSpan.FromMinutes(15);

    // The expiry is in the signed payload and checked against the site's clock (a time-limited protector would read
    // the system's, which the tests' clock is not).
    private readonly IDataProtector _access = protection.CreateProtector("ServiceBooking.Api.Access.v1");

    private readonly ConcurrentDictionary<string, Lazy<Task<ApiCaller?>>> _reading = new();

    /// <summary>A new access token for session <paramref name="sessionId"/>, and when it expires.</summary>
    public (string Token, DateTimeOffset ExpiresAt) AccessToken(int sessionId)
    {
        var expires = time.GetUtcNow() + AccessLifetime;
        var payload = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{sessionId}:{expires.ToUnixTimeSeconds()}");
        return (ApiTokenFormat.AccessMark + _access.Protect(payload), DateTimeOffset.FromUnixTimeSeconds(expires.ToUnixTimeSeconds()));
    }

    /// <summary>The caller a bearer credential stands for; null when it is unknown, revoked, expired or malformed.</summary>
    public async Task<ApiCaller?> ResolveAsync(string credential, CancellationToken cancellationToken)
    {
        if (credential.StartsWith(ApiTokenFormat.AccessMark, StringComparison.Ordinal))
        {
            return SessionOf(credential) is { } session ? await CachedAsync(SessionKey(session), () => SessionCallerAsync(session, CancellationToken.None)).WaitAsync(cancellationToken) : null;
        }

        return ApiTokenFormat.PrefixOf(credential) is { } prefix
            ? await CachedAsync("token:" + Convert.ToHexString(ApiTokenFormat.Hash(credential)), () => TokenCallerAsync(prefix, credential, CancellationToken.None)).WaitAsync(cancellationToken)
            : null;
    }

    /// <summary>Forgets what is known of a credential on this instance at once (the others within <see cref="CachedFor"/>).</summary>
    public void Forget(string key) => cache.Remove(key);

    public static string SessionKey(int id) => $"session:{id}";

    private int? SessionOf(string accessToken)
    {
        try
        {
            var parts = _access.Unprotect(accessToken[ApiTokenFormat.AccessMark.Length..]).Split(':');
            var culture = System.Globalization.CultureInfo.InvariantCulture;
            return parts.Length == 2
                && int.TryParse(parts[0], System.Globalization.NumberStyles.None, culture, out var id)
                && long.TryParse(parts[1], System.Globalization.NumberStyles.None, culture, out var expires)
                && time.GetUtcNow().ToUnixTimeSeconds() < expires
                ? id
                : null;
        }
        catch (Exception error) when (error is System.Security.Cryptography.CryptographicException or FormatException)
        {
            return null; // altered, cut short, expired, or not ours
        }
    }

    /// <summary>
    /// What the cache knows of <paramref name="key"/>, or one read of it however many calls miss at the same moment (when
    /// an entry expires under load every connection misses at once).
    /// </summary>
    private async Task<ApiCaller?> CachedAsync(string key, Func<Task<ApiCaller?>> read)
    {
        if (cache.TryGetValue(key, out ApiCaller? known))
        {
            return known;
        }

        var flight = _reading.GetOrAdd(key, _ => new Lazy<Task<ApiCaller?>>(async () =>
        {
            try
            {
                var caller = await read();
                cache.Set(key, caller, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = CachedFor, Size = 1 });
                return caller;
            }
            finally
            {
                _reading.TryRemove(key, out Lazy<Task<ApiCaller?>>? _);
            }
        }));
        return await flight.Value;
    }

    private async Task<ApiCaller?> TokenCallerAsync(string prefix, string credential, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        var token = await db.ApiTokens.AsNoTracking().SingleOrDefaultAsync(t => t.Prefix == prefix, cancellationToken);
        if (token is null || token.IsRevoked || !ApiTokenFormat.Matches(credential, token.SecretHash))
        {
            return null;
        }

        var now = time.GetUtcNow();
        if (ApiToken.UseIsDue(token.LastUsedAt, now))
        {
            // Not through the change tracker: a use is not a change an Admin made (and is not audited).
            await db.ApiTokens.Where(t => t.Id == token.Id).ExecuteUpdateAsync(u => u.SetProperty(t => t.LastUsedAt, now), cancellationToken);
        }

        return await CallerAsync(db, token.UserId, token.Scopes, $"token:{token.Id}", cancellationToken);
    }

    private async Task<ApiCaller?> SessionCallerAsync(int id, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        var session = await db.ApiSessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        return session is not null && session.IsActive(time.GetUtcNow())
            ? await CallerAsync(db, session.UserId, session.Scopes, SessionKey(id), cancellationToken)
            : null;
    }

    private async Task<ApiCaller?> CallerAsync(
        ApplicationDbContext db, string userId, IReadOnlyList<string> scopes, string credential, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new
            {
                u.UserName,
                u.LockoutEnd,
                Roles = db.UserRoles.Where(r => r.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToList(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        // A locked-out account (an Admin's lock, or too many wrong passwords) cannot be used through the API either.
        return user is null || user.LockoutEnd > time.GetUtcNow()
            ? null
            : new ApiCaller(userId, user.UserName ?? userId, user.Roles, scopes, credential);
    }
}
