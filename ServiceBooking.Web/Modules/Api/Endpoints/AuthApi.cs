using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using ServiceBooking.Domain.Api;
using ServiceBooking.Domain.Common;
using ServiceBooking.Web.Platform.Hosting;

namespace ServiceBooking.Web.Modules.Api.Endpoints;

public sealed record SignInBody(string? UserName, string? Password, string? Device, IReadOnlyList<string>? Scopes);

public sealed record RefreshBody(string? RefreshToken);

/// <summary>Staff sign-in for bots and phones (<see cref="StaffSessions"/>): tokens in, tokens out.</summary>
public static class AuthApi
{
    public static void MapAuthApi(this RouteGroupBuilder api)
    {
        var auth = api.MapGroup("/auth").WithTags("Authentication");
        auth.MapPost("/sign-in", SignInAsync).AllowAnonymous().RequireRateLimiting(RateLimits.SignIn)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithSummary("Signs a staff member in with their nickname (or email) and password: an access token and a refresh token.");
        auth.MapPost("/refresh", RefreshAsync).AllowAnonymous().RequireRateLimiting(RateLimits.SignIn)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithSummary("New tokens for a refresh token, which stops working (used again, it ends the session).");
        auth.MapPost("/sign-out", SignOutAsync).RequireScope(ApiScopes.Read).WithSummary("Ends the session of the access token.");
    }

    private static async Task<Results<Ok<SessionTokens>, ProblemHttpResult>> SignInAsync(
        SignInBody body, StaffSessions sessions, HttpContext http, IStringLocalizer<SharedResource> text, CancellationToken cancellationToken)
    {
        if (ApiProblems.Required(text, ("userName", body.UserName), ("password", body.Password)) is { } missing)
        {
            return missing;
        }

        try
        {
            return Answer(await sessions.SignInAsync(body.UserName!, body.Password!, body.Device, body.Scopes, cancellationToken), http, text);
        }
        catch (DomainException error)
        {
            return ApiProblems.Refused(error, text, new Dictionary<string, string> { ["Api"] = "scopes", ["ApiSession.Device"] = "device" });
        }
    }

    private static async Task<Results<Ok<SessionTokens>, ProblemHttpResult>> RefreshAsync(
        RefreshBody body, StaffSessions sessions, HttpContext http, IStringLocalizer<SharedResource> text, CancellationToken cancellationToken) =>
        ApiProblems.Required(text, ("refreshToken", body.RefreshToken)) ?? Answer(await sessions.RefreshAsync(body.RefreshToken, cancellationToken), http, text);

    private static async Task<NoContent> SignOutAsync(ClaimsPrincipal user, StaffSessions sessions, CancellationToken cancellationToken)
    {
        await sessions.SignOutAsync(user.FindFirstValue(RateLimits.CredentialClaim) ?? string.Empty, cancellationToken);
        return TypedResults.NoContent();
    }

    private static Results<Ok<SessionTokens>, ProblemHttpResult> Answer(SessionOutcome outcome, HttpContext http, IStringLocalizer text)
    {
        switch (outcome)
        {
            case SessionOutcome.Started started:
                return TypedResults.Ok(started.Tokens);
            case SessionOutcome.Refused { RetryAfter: { } wait } refused:
                http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                return ApiProblems.Problem(StatusCodes.Status429TooManyRequests, text[refused.Code], null, refused.Code);
            case SessionOutcome.Refused refused:
                http.Response.Headers.WWWAuthenticate = "Bearer";
                return ApiProblems.Problem(refused.Code == "Api.StaffOnly" ? StatusCodes.Status403Forbidden : StatusCodes.Status401Unauthorized,
                    text[refused.Code], null, refused.Code);
            default:
                throw new InvalidOperationException();
        }
    }
}
