using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Caching.Memory;

namespace ServiceBooking.Web.Modules.Accounts;

/// <summary>
/// The sign-in cookies this instance checked lately, by the cookie (user, stamp, issue time) and when: a cookie checked
/// less than an interval ago is not checked again, though its holder sent it again instead of the renewed one.
/// </summary>
/// <remarks>
/// A check renews the cookie, and a browser sends the renewed one from then on, so it is checked once an interval. A
/// client that keeps the cookie it had (a script, a load generator, requests already on their way when the check
/// renewed it) sent the old one, overdue, on every request, and each read the user, its claims and roles again (six
/// queries; bench/RESULTS.md, the pick-ups table). Remembering the check keeps Identity's bound exactly: a cookie is
/// trusted at most an interval after its stamp was last found current, as the renewed cookie would be.
/// </remarks>
public sealed class VerifiedCookies : IDisposable
{
    private const int MaxCookies = 100_000;

    private readonly MemoryCache _checked = new(new MemoryCacheOptions { SizeLimit = MaxCookies });

    /// <summary>Whether the cookie named by <paramref name="key"/> was found current within <paramref name="interval"/> of <paramref name="now"/>.</summary>
    public bool WasVerified(string key, DateTimeOffset now, TimeSpan interval) =>
        _checked.TryGetValue(key, out DateTimeOffset at) && at <= now && now - at <= interval;

    /// <summary>Remembers that the cookie named by <paramref name="key"/> was found current at <paramref name="now"/>.</summary>
    public void Verified(string key, DateTimeOffset now, TimeSpan interval) =>
        _checked.Set(key, now, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = interval });

    public void Dispose() => _checked.Dispose();

    /// <summary>A cookie as sent (its user, stamp and issue time); null for one without a user or an issue time.</summary>
    public static string? Key(ClaimsPrincipal principal, AuthenticationProperties properties, string stampClaimType) =>
        principal.FindFirstValue(ClaimTypes.NameIdentifier) is { } user && properties.IssuedUtc is { } issued
            ? $"{user}\n{principal.FindFirstValue(stampClaimType)}\n{issued.UtcTicks}"
            : null;
}
