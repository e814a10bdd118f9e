using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Scalar.AspNetCore;
using ServiceBooking.Domain.Api;
using ServiceBooking.Web.Modules.Api.Endpoints;
using ServiceBooking.Web.Platform.Audit;
using ServiceBooking.Web.Platform.Hosting;

namespace ServiceBooking.Web.Modules.Api;

/// <summary>
/// The public API (PRODUCT.md section K) for bots and a mobile app: <c>/api/v1</c>, JSON, described by the OpenAPI
/// document at <c>/api/openapi/v1.json</c> and browsable at <c>/api/docs</c>. Callers present an application's token
/// (issued by an Admin, <see cref="ApiTokens"/>) or a staff member's access token (<see cref="StaffSessions"/>); each
/// endpoint asks for a scope and, within it, the same roles as the pages that do the same thing, and calls the same
/// module services. Errors are problem details; creating calls honour <c>Idempotency-Key</c>; calls are rate-limited
/// per credential.
/// </summary>
public static class ApiModule
{
    public const string Prefix = "/api/v1";

    public const string DocumentPath = "/api/openapi/{documentName}.json";

    /// <summary>The largest JSON body the API reads; more is a 413.</summary>
    public const long MaxBodyBytes = 64 * 1024;

    public static WebApplicationBuilder AddApi(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        // Issued and revoked tokens, sessions started and ended: never the hashes of their secrets.
        services.AddAudited<ApiToken>(ignore: [nameof(ApiToken.SecretHash), nameof(ApiToken.LastUsedAt)]);
        services.AddAudited<ApiSession>(ignore: [nameof(ApiSession.RefreshHash), nameof(ApiSession.PreviousHash), nameof(ApiSession.RefreshedAt), nameof(ApiSession.ExpiresAt)]);
        services.AddSingleton<ApiCallers>();
        services.AddScoped<ApiTokens>();
        services.AddScoped<StaffSessions>();
        services.AddScoped<Idempotency>();
        services.AddProblemDetails();
        services.Configure<JsonOptions>(options => options.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        // Bad bodies (malformed JSON, a wrong type, too long) are thrown, so that ApiErrors can say what was wrong, and where.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, ApiAuthentication>(ApiAuthentication.Scheme, null);
        var authorization = services.AddAuthorizationBuilder();
        foreach (var scope in ApiScopes.All)
        {
            authorization.AddPolicy(ScopePolicy(scope), policy => policy
                .AddAuthenticationSchemes(ApiAuthentication.Scheme).RequireAuthenticatedUser().RequireClaim(ApiCaller.ScopeClaim, scope));
        }

        services.AddOpenApi("v1", options =>
        {
            options.ShouldInclude = description => description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
            options.AddDocumentTransformer<ApiDocument>();
        });
        services.Configure<RazorPagesOptions>(options =>
            options.Conventions.AuthorizeFolder(Platform.Hosting.ModulePages.Folder("Api", "/Admin"), Policies.Admin));
        return builder;
    }

    public static WebApplication MapApi(this WebApplication app)
    {
        app.UseWhen(context => context.Request.Path.StartsWithSegments("/api"), branch => branch.UseMiddleware<ApiErrors>());
        app.MapOpenApi(DocumentPath).AllowAnonymous();
        app.MapScalarApiReference("/api/docs", options => options.WithTitle("ServiceBooking API").WithOpenApiRoutePattern(DocumentPath)).AllowAnonymous();

        var api = app.MapGroup(Prefix).RequireRateLimiting(RateLimits.Api);
        api.MapAuthApi();
        api.MapDispatchApi();
        api.MapRequestsApi();
        api.MapBookingsApi();
        api.MapOrdersApi();
        return app;
    }

    public static string ScopePolicy(string scope) => "api:" + scope;

    /// <summary>The endpoint needs <paramref name="scope"/> and, when given, the roles of <paramref name="rolePolicy"/> (a page's policy).</summary>
    public static RouteHandlerBuilder RequireScope(this RouteHandlerBuilder endpoint, string scope, string? rolePolicy = null)
    {
        endpoint.RequireAuthorization(rolePolicy is null ? [ScopePolicy(scope)] : [ScopePolicy(scope), rolePolicy])
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        return endpoint;
    }
}
