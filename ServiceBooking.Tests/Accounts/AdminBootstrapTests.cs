using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServiceBooking.Tests.Infrastructure;
using ServiceBooking.Web.Platform.Audit;
using ServiceBooking.Web.Platform.Data;

namespace ServiceBooking.Tests.Accounts;

public sealed class AdminBootstrapFixture : SiteFixture
{
    protected override void Configure(SiteFactory site)
    {
        site.Settings["Admin:Nickname"] = "owner";
        site.Settings["Admin:Email"] = "owner@example.ru";
        site.Settings["Admin:Password"] = "owner-secret-1";
    }
}

/// <summary>The first Admin comes from configuration when the site starts (and no Admin exists yet).</summary>
public sealed class AdminBootstrapTests(AdminBootstrapFixture fixture) : IClassFixture<AdminBootstrapFixture>
{
    [Fact]
    public async Task The_configured_admin_exists_confirmed_and_can_sign_in()
    {
        await using var scope = fixture.Site.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var owner = await users.FindByNameAsync("owner");

        Assert.NotNull(owner);
        Assert.True(owner.EmailConfirmed);
        Assert.True(await users.IsInRoleAsync(owner, Roles.Admin));

        var client = HtmlClient.For(fixture.Site);
        var page = await client.SubmitAsync(await client.GetAsync("/Account/Login"), "[data-testid=login-form]",
            new Dictionary<string, string> { ["Input.Login"] = "owner@example.ru", ["Input.Password"] = "owner-secret-1" });
        Assert.True(page.Has("nav-profile"));
    }

    [Fact]
    public async Task The_audit_trail_says_the_start_up_made_the_admin()
    {
        await using var scope = fixture.Site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        var owner = await db.Users.SingleAsync(u => u.UserName == "owner");

        var entries = await db.AuditTrail.Where(e => e.EntityType == "UserRole" && e.EntityId == owner.Id).OrderBy(e => e.Id).ToListAsync();

        Assert.Equal(
            [(AuditActorKind.System, "startup", "Client"), (AuditActorKind.System, "startup", "Admin")],
            entries.Select(e => (e.ActorKind, e.ActorName, e.ReadChanges()["Role"].AfterText)));
    }
}
