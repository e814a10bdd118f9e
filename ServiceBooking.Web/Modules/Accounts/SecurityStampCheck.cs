using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ServiceBooking.Web.Modules.Accounts;

/// <summary>
/// Identity's security-stamp check of the sign-in cookie (<see cref="SecurityStampValidatorOptions.ValidationInterval"/>),
/// with the same rule, but built only when it is due and then in a scope of its own, and once an interval for a cookie
/// sent again after its check had renewed it (<see cref="VerifiedCookies"/>).
/// </summary>
/// <remarks>
/// Identity's own event resolves its validator from the request's services on every request, and with it the sign-in
/// and user managers, the user and role stores and a pooled database context, though it checks the stamp only once
/// per interval. A request's services live as long as the request, and a live stream is a request open for hours: each
/// open stream held a context and the managers (bench/RESULTS.md, memory). Built in a scope of its own they are gone
/// as soon as the check is done, whatever the request goes on to do.
/// </remarks>
public static class SecurityStampCheck
{
    public static Task ValidatePrincipalAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var options = services.GetRequiredService<IOptions<SecurityStampValidatorOptions>>().Value;
        var now = (options.TimeProvider ?? TimeProvider.System).GetUtcNow();
        if (!IsDue(context.Properties.IssuedUtc, now, options.ValidationInterval) || context.Principal is not { } principal)
        {
            return Task.CompletedTask;
        }

        var stampClaim = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        var verified = services.GetRequiredService<VerifiedCookies>();
        var sent = VerifiedCookies.Key(principal, context.Properties, stampClaim);
        return sent is not null && verified.WasVerified(sent, now, options.ValidationInterval)
            ? Task.CompletedTask
            : ValidateAsync(context, sent, now, options.ValidationInterval, verified);
    }

    /// <summary>Identity's rule: a cookie without an issue time, or issued longer ago than the interval.</summary>
    public static bool IsDue(DateTimeOffset? issuedUtc, DateTimeOffset now, TimeSpan interval) => issuedUtc is not { } issued || now - issued > interval;

    private static async Task ValidateAsync(CookieValidatePrincipalContext context, string? sent, DateTimeOffset now, TimeSpan interval, VerifiedCookies verified)
    {
        await using (var scope = context.HttpContext.RequestServices.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ISecurityStampValidator>().ValidateAsync(context);
        }

        // Kept (and renewed) rather than rejected: the cookie as it was sent is current until an interval from now.
        if (context.Principal is not null && sent is not null)
        {
            verified.Verified(sent, now, interval);
        }
    }
}
