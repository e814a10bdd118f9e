using Microsoft.AspNetCore.Identity;
using ServiceBooking.Web.Platform.Data;
using ServiceBooking.Web.Platform.Hosting;

namespace ServiceBooking.Web.Modules.Accounts;

/// <summary>What a sign-in attempt came to.</summary>
public abstract record SignInOutcome
{
    private SignInOutcome()
    {
    }

    public sealed record SignedIn(ApplicationUser User) : SignInOutcome;

    /// <summary>Unknown login or wrong password (and nothing else is told before the right password).</summary>
    public sealed record Invalid : SignInOutcome;

    public sealed record LockedOut(int Minutes) : SignInOutcome;

    public sealed record NotConfirmed : SignInOutcome;

    public sealed record Throttled(TimeSpan RetryAfter) : SignInOutcome;
}

/// <summary>
/// Signing in by nickname or email. Every failure before the right password looks the same and costs the same: an
/// unknown login is checked against a dummy hash, and "locked" or "not confirmed" is said only to someone who typed
/// the right password, so a stranger learns nothing about an account. Wrong passwords count towards the lockout.
/// </summary>
public sealed class PasswordSignIn(
    UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn, Throttle throttle, TimeProvider clock)
{
    /// <summary>A hash of a random password, made once, in the format real hashes have (same work to verify).</summary>
    private static readonly Lazy<string> DummyHash = new(() =>
        new PasswordHasher<ApplicationUser>().HashPassword(new ApplicationUser(), Guid.NewGuid().ToString("N")));

    public async Task<SignInOutcome> SignInAsync(string login, string password, bool remember, CancellationToken cancellationToken)
    {
        var outcome = await CheckAsync(login, password, cancellationToken);
        if (outcome is SignInOutcome.SignedIn signedIn)
        {
            await signIn.SignInAsync(signedIn.User, remember);
        }

        return outcome;
    }

    /// <summary>
    /// The same checks without the site's cookie (the API's sign-in, which answers with tokens): <see cref="SignInOutcome.SignedIn"/>
    /// means the password was right and the account may sign in.
    /// </summary>
    public async Task<SignInOutcome> CheckAsync(string login, string password, CancellationToken cancellationToken)
    {
        login = login.Trim();
        if (await throttle.TryAsync(ThrottleKind.SignInLogin, login, cancellationToken) is { } wait)
        {
            return new SignInOutcome.Throttled(wait);
        }

        var user = login.Contains('@', StringComparison.Ordinal) ? await users.FindByEmailAsync(login) : await users.FindByNameAsync(login);
        if (user is null)
        {
            users.PasswordHasher.VerifyHashedPassword(new ApplicationUser(), DummyHash.Value, password);
            return new SignInOutcome.Invalid();
        }

        var right = await users.CheckPasswordAsync(user, password);
        if (await users.IsLockedOutAsync(user))
        {
            // A wrong password during a lockout neither extends it nor tells that the account exists.
            return right ? new SignInOutcome.LockedOut(await LockedMinutesAsync(user)) : new SignInOutcome.Invalid();
        }

        if (!right)
        {
            await users.AccessFailedAsync(user);
            return new SignInOutcome.Invalid();
        }

        if (!user.EmailConfirmed)
        {
            return new SignInOutcome.NotConfirmed();
        }

        await users.ResetAccessFailedCountAsync(user);
        return new SignInOutcome.SignedIn(user);
    }

    private async Task<int> LockedMinutesAsync(ApplicationUser user)
    {
        var end = await users.GetLockoutEndDateAsync(user) ?? clock.GetUtcNow();
        return Math.Max(1, (int)Math.Ceiling((end - clock.GetUtcNow()).TotalMinutes));
    }
}
