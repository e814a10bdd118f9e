using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ServiceBooking.Domain.Api;
using ServiceBooking.Web.Platform.Data;
using ServiceBooking.Web.Platform.Hosting;

namespace ServiceBooking.Web.Modules.Api;

/// <summary>
/// <c>Idempotency-Key</c> on creating calls (the IETF draft's header): the first call with a key runs and its answer is
/// kept (<see cref="IdempotentAnswer"/>) for a day; the same call again with the key gets that answer again, marked
/// <c>Idempotent-Replayed: true</c>, and creates nothing. The key is the credential's own: another token's same key is
/// another call. A key used for a different request is a 422; one whose first call is still running a 409 (the primary
/// key lets only one of two racing calls in). A call that fails (5xx, or an exception) lets its key go.
/// </summary>
public sealed class Idempotency(ApplicationDbContext db, TimeProvider time, IOptions<JsonOptions> json)
{
    public const string Header = "Idempotency-Key";

    public const string ReplayedHeader = "Idempotent-Replayed";

    public async ValueTask<object?> RunAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var http = invocation.HttpContext;
        var key = http.Request.Headers[Header].ToString();
        if (key.Length == 0)
        {
            return await next(invocation);
        }

        if (key.Length > IdempotentAnswer.MaxKeyLength)
        {
            return ApiProblems.Problem(StatusCodes.Status400BadRequest, Text(http, "Api.IdempotencyKeyTooLong"), null, "Api.IdempotencyKeyTooLong");
        }

        var credential = http.User.FindFirstValue(RateLimits.CredentialClaim) ?? string.Empty;
        var endpoint = $"{http.Request.Method} {http.Request.Path}";
        var hash = ApiTokenFormat.Hash(endpoint + "\n" + JsonSerializer.Serialize(invocation.Arguments.Where(IsBody), json.Value.SerializerOptions));
        var now = time.GetUtcNow();
        var claimed = await db.Database.ExecuteSqlAsync($"""
            INSERT INTO api_idempotent_answers (credential, key, endpoint, request_hash, status, created_at)
            VALUES ({credential}, {key}, {endpoint}, {hash}, 0, {now})
            ON CONFLICT (credential, key) DO UPDATE SET endpoint = excluded.endpoint, request_hash = excluded.request_hash, status = 0,
                body = NULL, location = NULL, created_at = excluded.created_at
            WHERE api_idempotent_answers.created_at < {now - IdempotentAnswer.KeptFor}
            """, http.RequestAborted);
        if (claimed == 0)
        {
            return await ReplayAsync(http, credential, key, hash);
        }

        object? result;
        try
        {
            result = await next(invocation);
        }
        catch
        {
            await ReleaseAsync(credential, key);
            throw;
        }

        var answer = result is INestedHttpResult nested ? nested.Result : result;
        if (answer is IStatusCodeHttpResult { StatusCode: { } status } && status < 500)
        {
            var body = answer is IValueHttpResult { Value: { } value } ? JsonSerializer.Serialize(value, value.GetType(), json.Value.SerializerOptions) : null;
            var location = LocationOf(answer);
            await db.Database.ExecuteSqlAsync(
                $"UPDATE api_idempotent_answers SET status = {status}, body = {body}, location = {location} WHERE credential = {credential} AND key = {key}",
                CancellationToken.None);
        }
        else
        {
            await ReleaseAsync(credential, key);
        }

        return result;
    }

    private async Task<IResult> ReplayAsync(HttpContext http, string credential, string key, byte[] hash)
    {
        var kept = await db.IdempotentAnswers.AsNoTracking().SingleAsync(a => a.Credential == credential && a.Key == key, http.RequestAborted);
        if (!kept.RequestHash.AsSpan().SequenceEqual(hash))
        {
            return ApiProblems.Problem(StatusCodes.Status422UnprocessableEntity, Text(http, "Api.IdempotencyKeyReused"), null, "Api.IdempotencyKeyReused");
        }

        if (kept.Status == 0)
        {
            return ApiProblems.Problem(StatusCodes.Status409Conflict, Text(http, "Api.IdempotencyInProgress"), null, "Api.IdempotencyInProgress");
        }

        http.Response.Headers[ReplayedHeader] = "true";
        if (kept.Location is { } location)
        {
            http.Response.Headers.Location = location;
        }

        return kept.Body is null ? Results.StatusCode(kept.Status) : Results.Text(kept.Body, "application/json", System.Text.Encoding.UTF8, kept.Status);
    }

    private Task ReleaseAsync(string credential, string key) =>
        db.Database.ExecuteSqlAsync($"DELETE FROM api_idempotent_answers WHERE credential = {credential} AND key = {key} AND status = 0", CancellationToken.None);

    private static bool IsBody(object? argument) =>
        argument is not null and not HttpContext and not CancellationToken and not ClaimsPrincipal
        && argument.GetType().Namespace?.StartsWith("ServiceBooking.Web.Modules.Api", StringComparison.Ordinal) == true;

    private static string? LocationOf(object result) =>
        result.GetType().GetProperty("Location")?.GetValue(result) as string;

    private static string Text(HttpContext http, string key) =>
        http.RequestServices.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<SharedResource>>()[key];
}

public static class IdempotencyEndpoints
{
    /// <summary>The creating call honours <c>Idempotency-Key</c> (<see cref="Idempotency"/>).</summary>
    public static RouteHandlerBuilder Idempotent(this RouteHandlerBuilder endpoint) => endpoint
        .AddEndpointFilter((invocation, next) => invocation.HttpContext.RequestServices.GetRequiredService<Idempotency>().RunAsync(invocation, next))
        .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
