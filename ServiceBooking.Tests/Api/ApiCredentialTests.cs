using System.Net;
using Microsoft.EntityFrameworkCore;
using ServiceBooking.Domain.Api;
using ServiceBooking.Tests.Bookings;
using ServiceBooking.Tests.Infrastructure;
using ServiceBooking.Web.Modules.Api;
using ServiceBooking.Web.Platform.Data;

namespace ServiceBooking.Tests.Api;

/// <summary>Application tokens (issued by the Admin) and staff sessions (signed in from a bot or a phone).</summary>
public sealed class ApiCredentialTests(BookingFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task An_Admin_issues_a_token_on_the_page_it_is_shown_once_stored_hashed_and_works_until_revoked()
    {
        var desk = await StaffAsync("desk", Roles.Manager);
        var admin = await SignedInAsync(new UserBuilder("boss").WithName("Начальников", "Борис").InRole(Roles.Admin));
        var page = await admin.GetAsync("/Admin/ApiTokens");

        var issued = await admin.SubmitAsync(page, "[data-testid=token-form]", new Dictionary<string, string>
        {
            ["Input.Name"] = "Бот записи",
            ["Input.Scopes"] = ApiScopes.Read,
            ["Input.ActsAs"] = desk,
        });
        var token = issued.Document.QuerySelector("[data-testid=issued-token]")!.GetAttribute("value")!;

        Assert.StartsWith("sbk_", token, StringComparison.Ordinal);
        var stored = await DbAsync(db => db.ApiTokens.AsNoTracking().SingleAsync());
        Assert.Equal(("Бот записи", desk), (stored.Name, stored.UserId));
        Assert.Equal([ApiScopes.Read], stored.Scopes);
        Assert.Equal(ApiTokenFormat.Hash(token), stored.SecretHash);
        Assert.Null(stored.LastUsedAt);
        // Shown once: the list shows only its start.
        var list = await admin.GetAsync("/Admin/ApiTokens");
        Assert.DoesNotContain(token, list.Document.DocumentElement.OuterHtml, StringComparison.Ordinal);
        Assert.Contains("sbk_" + stored.Prefix, list.Document.QuerySelector("[data-testid=tokens]")!.TextContent, StringComparison.Ordinal);

        using var used = await Api(token).GetAsync("/api/v1/districts");
        Assert.Equal(HttpStatusCode.OK, used.StatusCode);
        Assert.NotNull((await DbAsync(db => db.ApiTokens.AsNoTracking().SingleAsync())).LastUsedAt);

        await admin.SubmitAsync(list, "[data-testid=tokens] form");
        Assert.NotNull((await DbAsync(db => db.ApiTokens.AsNoTracking().SingleAsync())).RevokedAt);
        using var revoked = await Api(token).GetAsync("/api/v1/districts");
        Assert.Equal(HttpStatusCode.Unauthorized, revoked.StatusCode);
        Assert.Equal("Bearer", revoked.Headers.WwwAuthenticate.Single().Scheme);
        // Issued and revoked, by the Admin, in the audit trail; never the secret's hash.
        var trail = await TrailAsync("ApiToken", stored.Id);
        Assert.Equal([Web.Platform.Audit.AuditAction.Added, Web.Platform.Audit.AuditAction.Changed], trail.Select(e => e.Action));
        Assert.All(trail, e => Assert.DoesNotContain("secret", e.Changes, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_token_revoked_by_another_instance_stops_working_within_seconds_without_a_read_per_call()
    {
        var token = await TokenAsync(await StaffAsync("desk", Roles.Manager), ApiScopes.Read);
        var http = Api(token);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/api/v1/districts")).StatusCode);

        // Another instance revokes it: straight in the database, as that instance's save would be seen from here.
        await DbAsync(db => db.ApiTokens.ExecuteUpdateAsync(u => u.SetProperty(t => t.RevokedAt, DateTimeOffset.UtcNow)));

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var status = HttpStatusCode.OK;
        while (status == HttpStatusCode.OK && clock.Elapsed < TimeSpan.FromSeconds(15))
        {
            status = (await http.GetAsync("/api/v1/districts")).StatusCode;
            await Task.Delay(200);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, ApiCallers.CachedFor + TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task Without_a_token_with_a_wrong_one_or_with_the_sites_cookie_the_API_answers_401_as_problem_details()
    {
        var admin = await SignedInAsync(new UserBuilder("boss").InRole(Roles.Admin));

        foreach (var http in new[] { Api(), Api("sbk_AAAAAAAAAAAA_forged"), Api("sba_forged"), admin.Http })
        {
            using var answer = await http.GetAsync("/api/v1/districts");
            Assert.Equal(HttpStatusCode.Unauthorized, answer.StatusCode);
            Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
            Assert.Equal(401, (await JsonAsync(answer)).GetProperty("status").GetInt32());
        }
    }

    [Fact]
    public async Task A_staff_member_signs_in_refreshes_with_a_token_used_once_and_a_reused_refresh_token_ends_the_session()
    {
        await StaffAsync("petya", Roles.Driver);
        var signIn = await JsonAsync(await PostAsync(Api(), "/api/v1/auth/sign-in", new { userName = "petya", password = UserBuilder.DefaultPassword }));
        var (access, refresh) = (signIn.GetProperty("accessToken").GetString()!, signIn.GetProperty("refreshToken").GetString()!);
        Assert.Equal(HttpStatusCode.OK, (await Api(access).GetAsync("/api/v1/districts")).StatusCode);

        using var refreshed = await PostAsync(Api(), "/api/v1/auth/refresh", new { refreshToken = refresh });
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        var next = await JsonAsync(refreshed);
        Assert.NotEqual(refresh, next.GetProperty("refreshToken").GetString());
        var nextAccess = next.GetProperty("accessToken").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await Api(nextAccess).GetAsync("/api/v1/districts")).StatusCode);

        // The first refresh token again: somebody copied it. The session ends, for the copy and the original alike.
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(Api(), "/api/v1/auth/refresh", new { refreshToken = refresh })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Api(nextAccess).GetAsync("/api/v1/districts")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(Api(), "/api/v1/auth/refresh", new { refreshToken = next.GetProperty("refreshToken").GetString() })).StatusCode);
        Assert.Equal("reused", (await DbAsync(db => db.ApiSessions.AsNoTracking().SingleAsync())).RevokedBecause);
    }

    [Fact]
    public async Task Signing_out_ends_the_session_a_wrong_password_is_401_and_a_client_account_gets_no_session()
    {
        await StaffAsync("petya", Roles.Driver);
        await CreateUserAsync(new UserBuilder("anna"));

        var wrong = await PostAsync(Api(), "/api/v1/auth/sign-in", new { userName = "petya", password = "wrong-pass1" });
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal("Api.WrongPassword", (await JsonAsync(wrong)).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(Api(), "/api/v1/auth/sign-in", new { userName = "anna", password = UserBuilder.DefaultPassword })).StatusCode);

        var access = (await JsonAsync(await PostAsync(Api(), "/api/v1/auth/sign-in", new { userName = "petya", password = UserBuilder.DefaultPassword })))
            .GetProperty("accessToken").GetString()!;
        Assert.Equal(HttpStatusCode.NoContent, (await PostAsync(Api(access), "/api/v1/auth/sign-out", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Api(access).GetAsync("/api/v1/districts")).StatusCode);
    }
}
