using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace ServiceBooking.Web.Modules.Api;

/// <summary>
/// The API's authentication: <c>Authorization: Bearer …</c> with an application's token or a staff member's access
/// token (<see cref="ApiCallers"/>). Only API endpoints use it (the site's cookie is never accepted there, so a page
/// cannot be made to call the API in its visitor's name). A missing or bad credential is a 401 with
/// <c>WWW-Authenticate: Bearer</c>, a credential without the scope or the account without the role a 403, both as
/// problem details.
/// </summary>
public sealed class ApiAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiCallers callers)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public new const string Scheme = "Api";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var credential = header["Bearer ".Length..].Trim();
        return credential.Length is > 0 and <= 1000 && await callers.ResolveAsync(credential, Context.RequestAborted) is { } caller
            ? AuthenticateResult.Success(new AuthenticationTicket(caller.Principal(Scheme), Scheme))
            : AuthenticateResult.Fail("The credential is unknown, revoked or expired.");
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        return ApiProblems.WriteAsync(Context, StatusCodes.Status401Unauthorized, "Api.Unauthorized");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ApiProblems.WriteAsync(Context, StatusCodes.Status403Forbidden, "Api.Forbidden");
}
