using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ServiceBooking.Web.Modules.Accounts;

/// <summary>
/// Identity's security-stamp check of the sign-in cookie (<see cref="SecurityStampValidatorOptions.ValidationInterval"/>),
/// with the same rule, but built only when it is due and then in a scope of its own.
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
        var options = context.HttpContext.RequestServices.GetRequiredService<IOptions<SecurityStampValidatorOptions>>().Value;
        var now = (options.TimeProvider ?? TimeProvider.System).GetUtcNow();
        return IsDue(context.Properties.IssuedUtc, now, options.ValidationInterval) ? ValidateAsync(context) : Task.CompletedTask;
    }

    /// <summary>Identity's rule: a cookie without an issue time, or issued longer ago than the interval.</summary>
    public static bool IsDue(DateTimeOffset? issuedUtc, DateTimeOffset now, TimeSpan interval) => issuedUtc is not { } issued || now - issued > interval;

    private static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        await using var scope = context.HttpContext.RequestServices.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ISecurityStampValidator>().ValidateAsync(context);
    }
}
