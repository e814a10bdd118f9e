using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ServiceBooking.Domain.Api;
using ServiceBooking.Web.Modules.Accounts;
using ServiceBooking.Web.Platform.Data;

namespace ServiceBooking.Web.Modules.Api;

/// <summary>The tokens a staff member's app holds: an access token for every call and a refresh token to get the next.</summary>
public sealed record SessionTokens(string AccessToken, DateTimeOffset ExpiresAt, string RefreshToken, string TokenType = "Bearer");

/// <summary>What a sign-in or a refresh came to.</summary>
public abstract record SessionOutcome
{
    private SessionOutcome()
    {
    }

    public sealed record Started(SessionTokens Tokens) : SessionOutcome;

    /// <summary>Refused, with the reason's resource key (the same reasons as the sign-in page's) and, when throttled, the wait.</summary>
    public sealed record Refused(string Code, TimeSpan? RetryAfter = null) : SessionOutcome;
}

/// <summary>
/// Staff members working from a bot or a phone (seed 001's bots, seed 004's mobile app): they sign in with their own
/// account (the sign-in page's checks: lockout, throttling, a confirmed email) and get a short-lived access token
/// (<see cref="ApiCallers.AccessLifetime"/>) and a refresh token, replaced on every use (<see cref="ApiSession"/>): a
/// refresh token used twice ends the session. Clients have the site; only staff accounts get sessions.
/// </summary>
public sealed class StaffSessions(
    ApplicationDbContext db, PasswordSignIn passwords, UserManager<ApplicationUser> users, ApiCallers callers, TimeProvider time)
{
    public async Task<SessionOutcome> SignInAsync(string login, string password, string? device, IEnumerable<string>? scopes, CancellationToken cancellationToken)
    {
        switch (await passwords.CheckAsync(login, password, cancellationToken))
        {
            case SignInOutcome.SignedIn signedIn:
                var roles = await users.GetRolesAsync(signedIn.User);
                if (!roles.Any(r => r != Roles.Client))
                {
                    return new SessionOutcome.Refused("Api.StaffOnly");
                }

                var key = ApiTokenFormat.NewKey();
                var refresh = RefreshToken(key);
                var session = ApiSession.Start(signedIn.User.Id, device, scopes is null || !scopes.Any() ? ApiScopes.All : scopes, key,
                    ApiTokenFormat.Hash(refresh), time.GetUtcNow());
                db.ApiSessions.Add(session);
                await db.SaveChangesAsync(cancellationToken);
                return new SessionOutcome.Started(Tokens(session.Id, refresh));
            case SignInOutcome.LockedOut:
                return new SessionOutcome.Refused("Api.LockedOut");
            case SignInOutcome.NotConfirmed:
                return new SessionOutcome.Refused("Api.NotConfirmed");
            case SignInOutcome.Throttled throttled:
                return new SessionOutcome.Refused("Api.TooManyRequests", throttled.RetryAfter);
            default:
                return new SessionOutcome.Refused("Api.WrongPassword");
        }
    }

    /// <summary>New tokens for a refresh token; the one given stops working. A replaced one given again ends the session.</summary>
    public async Task<SessionOutcome> RefreshAsync(string? refreshToken, CancellationToken cancellationToken)
    {
        if (KeyOf(refreshToken) is not { } key)
        {
            return new SessionOutcome.Refused("Api.RefreshRefused");
        }

        var session = await db.ApiSessions.SingleOrDefaultAsync(s => s.Key == key, cancellationToken);
        var now = time.GetUtcNow();
        if (session is null || !session.IsActive(now))
        {
            return new SessionOutcome.Refused("Api.RefreshRefused");
        }

        if (!ApiTokenFormat.Matches(refreshToken!, session.RefreshHash))
        {
            if (session.PreviousHash is { } previous && ApiTokenFormat.Matches(refreshToken!, previous))
            {
                // A refresh token already replaced: a copy is in someone's hands. The session ends for both.
                session.End("reused", now);
                await db.SaveChangesAsync(cancellationToken);
                callers.Forget(ApiCallers.SessionKey(session.Id));
            }

            return new SessionOutcome.Refused("Api.RefreshRefused");
        }

        var next = RefreshToken(key);
        session.Rotate(ApiTokenFormat.Hash(next), now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new SessionOutcome.Refused("Api.RefreshRefused"); // the same token used twice at once: one refresh wins
        }

        return new SessionOutcome.Started(Tokens(session.Id, next));
    }

    /// <summary>Ends the session the caller's access token belongs to.</summary>
    public async Task SignOutAsync(string credential, CancellationToken cancellationToken)
    {
        if (credential.StartsWith("session:", StringComparison.Ordinal)
            && int.TryParse(credential["session:".Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            && await db.ApiSessions.SingleOrDefaultAsync(s => s.Id == id, cancellationToken) is { } session)
        {
            session.End("signed-out", time.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            callers.Forget(ApiCallers.SessionKey(id));
        }
    }

    private SessionTokens Tokens(int sessionId, string refresh)
    {
        var (access, expires) = callers.AccessToken(sessionId);
        return new SessionTokens(access, expires, refresh);
    }

    private static string RefreshToken(string key) => $"{ApiTokenFormat.RefreshMark}{key}_{ApiTokenFormat.NewSecret()}";

    /// <summary>The session key of a refresh token (its first 12 characters after the mark), or null when it is not shaped like one.</summary>
    private static string? KeyOf(string? refreshToken) =>
        refreshToken is not null && refreshToken.StartsWith(ApiTokenFormat.RefreshMark, StringComparison.Ordinal)
        && refreshToken.Length > ApiTokenFormat.RefreshMark.Length + ApiTokenFormat.PrefixLength + 1
        && refreshToken[ApiTokenFormat.RefreshMark.Length + ApiTokenFormat.PrefixLength] == '_'
            ? refreshToken.Substring(ApiTokenFormat.RefreshMark.Length, ApiTokenFormat.PrefixLength)
            : null;
}
