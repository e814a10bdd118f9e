using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServiceBooking.Tests.Infrastructure;
using ServiceBooking.Web.Platform.Audit;
using ServiceBooking.Web.Platform.Data;

namespace ServiceBooking.Tests.Accounts;

/// <summary>Roles granted and revoked are audited under the person they were granted to, by the Admin who did it.</summary>
public sealed class RoleAuditTests(SiteFixture fixture) : SiteTest<SiteFixture>(fixture)
{
    private static string Row(string id) => $"[data-testid=user-row][data-id='{id}']";

    [Fact]
    public async Task An_admin_granting_and_revoking_manager_leaves_two_entries_naming_the_role_and_nothing_about_the_account_itself()
    {
        var ivan = await CreateUserAsync(new UserBuilder("ivan"));
        var admin = await SignedInAsync(new UserBuilder("boss").InRole(Roles.Admin));
        var bossId = await WithServicesAsync(services =>
            services.GetRequiredService<ApplicationDbContext>().Users.Where(u => u.UserName == "boss").Select(u => u.Id).SingleAsync());

        var granted = await admin.SubmitAsync(await admin.GetAsync("/Admin/Users?q=ivan"), $"{Row(ivan.Id)} form[data-testid=grant-Manager]");
        await admin.SubmitAsync(granted, $"{Row(ivan.Id)} form[data-testid=revoke-Manager]");

        var entries = (await TrailAsync("UserRole", ivan.Id)).Where(e => e.ActorId == bossId).ToList();
        Assert.Equal([AuditAction.Added, AuditAction.Deleted], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal((AuditActorKind.User, "boss"), (e.ActorKind, e.ActorName)));
        Assert.Equal((null, "Manager"), (entries[0].ReadChanges()["Role"].BeforeText, entries[0].ReadChanges()["Role"].AfterText));
        Assert.Equal(("Manager", null), (entries[1].ReadChanges()["Role"].BeforeText, entries[1].ReadChanges()["Role"].AfterText));
        Assert.Equal([["Role"], ["Role"]], entries.Select(e => e.ReadChanges().Keys.ToList()));

        // Identity saved the account's new security stamp in the same requests: accounts are not audited, so the
        // trail holds the role rows and nothing of the account (and so none of its secrets).
        var account = await WithServicesAsync(services => services.GetRequiredService<ApplicationDbContext>().Users.AsNoTracking().SingleAsync(u => u.Id == ivan.Id));
        var requests = entries.Select(e => e.RequestId!).ToList();
        var sameRequests = await WithServicesAsync(services => services.GetRequiredService<ApplicationDbContext>().AuditTrail
            .Where(e => requests.Contains(e.RequestId!)).ToListAsync());
        Assert.Equal(2, sameRequests.Count);
        Assert.NotEqual(ivan.SecurityStamp, account.SecurityStamp);
        Assert.All(sameRequests, e =>
        {
            Assert.DoesNotContain(account.SecurityStamp!, e.Changes, StringComparison.Ordinal);
            Assert.DoesNotContain(account.PasswordHash!, e.Changes, StringComparison.Ordinal);
        });
    }
}
