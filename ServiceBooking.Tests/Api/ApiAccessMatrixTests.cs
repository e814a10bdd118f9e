using System.Net;
using System.Text;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ServiceBooking.Domain.Api;
using ServiceBooking.Tests.Bookings;
using ServiceBooking.Web.Platform.Data;

namespace ServiceBooking.Tests.Api;

/// <summary>
/// The API's access matrix: every endpoint under <c>/api/v1</c>, found in the site's own endpoint list, has a row with
/// the scope it needs and the roles that may use it (null: any staff account), and is called without a credential
/// (401), with a token of each staff role lacking the scope (403), and with one that has it (allowed for the row's
/// roles, 403 for the others). No answer may be a 5xx. (The site's pages have theirs in Platform/Hosting.)
/// </summary>
public sealed class ApiAccessMatrixTests(BookingFixture fixture) : ApiTest(fixture)
{
    private static readonly string[] Desk = [Roles.Manager, Roles.Admin];

    private static readonly string[] Dispatchers = [Roles.Driver, Roles.Manager, Roles.Admin];

    private static readonly string[] Workshop = [Roles.Operator, Roles.Supervisor, Roles.Manager, Roles.Admin, Roles.Mechanic, Roles.ShopMechanic];

    private static readonly Row[] Table =
    [
        new("POST", "/api/v1/auth/sign-in", "/api/v1/auth/sign-in", null, null),
        new("POST", "/api/v1/auth/refresh", "/api/v1/auth/refresh", null, null),
        new("POST", "/api/v1/auth/sign-out", "/api/v1/auth/sign-out", ApiScopes.Read, null),
        new("GET", "/api/v1/districts", "/api/v1/districts", ApiScopes.Read, null),
        new("POST", "/api/v1/districts", "/api/v1/districts", ApiScopes.Dispatch, [Roles.Admin]),
        new("GET", "/api/v1/drivers", "/api/v1/drivers", ApiScopes.Read, Desk),
        new("GET", "/api/v1/drivers/{id}", "/api/v1/drivers/nobody", ApiScopes.Read, Desk),
        new("POST", "/api/v1/drivers", "/api/v1/drivers", ApiScopes.Dispatch, Desk),
        new("POST", "/api/v1/jobs", "/api/v1/jobs", ApiScopes.Dispatch, Desk),
        new("GET", "/api/v1/jobs/{id:int}", "/api/v1/jobs/1", ApiScopes.Read, Dispatchers),
        new("POST", "/api/v1/jobs/{id:int}/complete", "/api/v1/jobs/1/complete", ApiScopes.Dispatch, Dispatchers),
        new("GET", "/api/v1/days/{date}/cells", "/api/v1/days/2026-12-02/cells", ApiScopes.Read, null),
        new("GET", "/api/v1/bookings", "/api/v1/bookings?date=2026-12-02", ApiScopes.Read, Desk),
        new("POST", "/api/v1/bookings", "/api/v1/bookings", ApiScopes.Bookings, Desk),
        new("POST", "/api/v1/bookings/{id:int}/cancel", "/api/v1/bookings/1/cancel", ApiScopes.Bookings, Desk),
        new("GET", "/api/v1/requests", "/api/v1/requests", ApiScopes.Read, Desk),
        new("GET", "/api/v1/orders", "/api/v1/orders", ApiScopes.Read, Workshop),
        new("GET", "/api/v1/orders/{id:int}", "/api/v1/orders/1", ApiScopes.Read, Workshop),
        new("POST", "/api/v1/orders/{id:int}/stages/agreement", "/api/v1/orders/1/stages/agreement", ApiScopes.Orders, Workshop),
        new("POST", "/api/v1/orders/{id:int}/stages/prepayment", "/api/v1/orders/1/stages/prepayment", ApiScopes.Orders, Workshop),
        new("POST", "/api/v1/orders/{id:int}/stages/in-shop", "/api/v1/orders/1/stages/in-shop", ApiScopes.Orders, Workshop, Multipart: true),
        new("POST", "/api/v1/orders/{id:int}/stages/expenses", "/api/v1/orders/1/stages/expenses", ApiScopes.Orders, Workshop, Multipart: true),
        new("POST", "/api/v1/orders/{id:int}/stages/final-report", "/api/v1/orders/1/stages/final-report", ApiScopes.Orders, Workshop, Multipart: true),
        new("POST", "/api/v1/orders/{id:int}/approve", "/api/v1/orders/1/approve", ApiScopes.Orders, Workshop),
        new("POST", "/api/v1/orders/{id:int}/return", "/api/v1/orders/1/return", ApiScopes.Orders, Workshop),
        new("POST", "/api/v1/shifts/check-in", "/api/v1/shifts/check-in", ApiScopes.Orders, [Roles.Mechanic, Roles.ShopMechanic]),
        new("POST", "/api/v1/shifts/check-out", "/api/v1/shifts/check-out", ApiScopes.Orders, [Roles.Mechanic, Roles.ShopMechanic]),
        new("GET", "/api/v1/requests/{id:int}", "/api/v1/requests/1", ApiScopes.Read, Desk),
        new("POST", "/api/v1/requests", "/api/v1/requests", ApiScopes.Dispatch, Desk),
        new("POST", "/api/v1/requests/{id:int}/confirm", "/api/v1/requests/1/confirm", ApiScopes.Dispatch, Desk),
        new("POST", "/api/v1/requests/{id:int}/status", "/api/v1/requests/1/status", ApiScopes.Dispatch, Desk),
    ];

    private static readonly string[] StaffRoles = [Roles.Admin, Roles.Manager, Roles.Driver, Roles.Mechanic, Roles.Supervisor];

    /// <summary>The API's endpoints as the site maps them: method and route pattern.</summary>
    internal static IReadOnlyList<(string Method, string Pattern)> Endpoints(IServiceProvider services) =>
    [
        .. services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1/", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.IHttpMethodMetadata>()?.HttpMethods ?? []).Select(m => (m, e.RoutePattern.RawText!)))
            .Select(e => (e.m, OpenApiPath(e.Item2))),
    ];

    [Fact]
    public void Every_endpoint_of_the_API_has_a_row_and_every_row_still_exists()
    {
        var found = Endpoints(Fixture.Site.Services).ToHashSet();
        var listed = Table.Select(r => (r.Method, OpenApiPath(r.Pattern))).ToHashSet();

        Assert.True(found.SetEquals(listed),
            $"Without a row: {string.Join(", ", found.Except(listed))}; rows for nothing: {string.Join(", ", listed.Except(found))}");
    }

    [Fact]
    public async Task Every_endpoint_answers_each_credential_as_the_table_says_and_never_with_a_server_error()
    {
        var failures = new List<string>();
        var tokens = new Dictionary<(string Role, bool Scoped, string Scope), string>();
        foreach (var role in StaffRoles)
        {
            var account = await StaffAsync("api-" + role.ToLowerInvariant(), role);
            foreach (var scope in ApiScopes.All)
            {
                tokens[(role, true, scope)] = await TokenAsync(account, scope);
                tokens[(role, false, scope)] = await TokenAsync(account, [.. ApiScopes.All.Where(s => s != scope)]);
            }
        }

        foreach (var row in Table)
        {
            await CheckAsync(row, null, row.Scope is null ? Kind.Allowed : Kind.Unauthenticated, failures);
            if (row.Scope is not { } scope)
            {
                continue;
            }

            foreach (var role in StaffRoles)
            {
                await CheckAsync(row, tokens[(role, false, scope)], Kind.Forbidden, failures, $"{role} without {scope}");
                var allowed = row.Roles is null || row.Roles.Contains(role);
                await CheckAsync(row, tokens[(role, true, scope)], allowed ? Kind.Allowed : Kind.Forbidden, failures, $"{role} with {scope}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private async Task CheckAsync(Row row, string? token, Kind expected, List<string> failures, string who = "no credential")
    {
        using var request = new HttpRequestMessage(new HttpMethod(row.Method), row.Url);
        if (row.Method == "POST")
        {
            request.Content = row.Multipart
                ? new MultipartFormDataContent { { new StringContent(string.Empty), "Problem" } }
                : new StringContent("{}", Encoding.UTF8, "application/json");
        }

        using var answer = await Api(token).SendAsync(request);
        var got = answer.StatusCode switch
        {
            HttpStatusCode.Unauthorized => Kind.Unauthenticated,
            HttpStatusCode.Forbidden => Kind.Forbidden,
            >= HttpStatusCode.InternalServerError => Kind.ServerError,
            _ => Kind.Allowed,
        };
        if (got != expected)
        {
            failures.Add($"{row.Method} {row.Url} as {who}: expected {expected}, got {(int)answer.StatusCode}");
        }
    }

    /// <summary>A route pattern as the OpenAPI document writes it: <c>{id:int}</c> is <c>{id}</c>.</summary>
    internal static string OpenApiPath(string pattern) => System.Text.RegularExpressions.Regex.Replace(pattern, @"\{(\w+):[^}]+\}", "{$1}").TrimEnd('/');

    private enum Kind
    {
        Allowed,
        Unauthenticated,
        Forbidden,
        ServerError,
    }

    /// <summary>A row; <paramref name="Multipart"/> when the call takes a form with photos (anything else is a 415 before anyone is asked).</summary>
    private sealed record Row(string Method, string Pattern, string Url, string? Scope, string[]? Roles, bool Multipart = false);
}
