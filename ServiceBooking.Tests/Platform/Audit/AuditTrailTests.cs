using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using ServiceBooking.Tests.Infrastructure;
using ServiceBooking.Web.Platform.Audit;
using ServiceBooking.Web.Platform.Data;

namespace ServiceBooking.Tests.Platform.Audit;

/// <summary>The trail itself: append-only in the database, for the very user the site connects as.</summary>
public sealed class AuditTrailTests(SiteFixture fixture) : SiteTest<SiteFixture>(fixture)
{
    private async Task<T> AsTheSiteAsync<T>(Func<NpgsqlConnection, Task<T>> work)
    {
        // The site's own connection string: the application's database user, owner of the table (and, in these test
        // clusters, a superuser), which no privilege would stop.
        await using var connection = new NpgsqlConnection(Fixture.ConnectionString);
        await connection.OpenAsync();
        return await work(connection);
    }

    private static async Task<PostgresException> RefusedAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
    }

    [Fact]
    public async Task The_sites_own_database_user_cannot_update_delete_or_truncate_the_trail()
    {
        var ivan = await CreateUserAsync(new UserBuilder("ivan"));
        var before = Assert.Single(await TrailAsync("UserRole", ivan.Id));

        var (user, refusals) = await AsTheSiteAsync(async connection =>
        {
            await using var who = new NpgsqlCommand("select current_user", connection);
            var name = (string)(await who.ExecuteScalarAsync())!;
            var id = before.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return (name, new[]
            {
                await RefusedAsync(connection, $"UPDATE audit_entries SET actor_name = 'nobody', changes = '{{}}' WHERE id = {id}"),
                await RefusedAsync(connection, $"DELETE FROM audit_entries WHERE id = {id}"),
                await RefusedAsync(connection, "TRUNCATE audit_entries"),
                await RefusedAsync(connection, "DELETE FROM audit_entries WHERE false"),
            });
        });

        Assert.Equal(new NpgsqlConnectionStringBuilder(Fixture.ConnectionString).Username, user);
        Assert.All(refusals, refusal => Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refusal.SqlState));
        Assert.Equal(
            ["audit_entries is append-only: UPDATE is not allowed", "audit_entries is append-only: DELETE is not allowed",
             "audit_entries is append-only: TRUNCATE is not allowed", "audit_entries is append-only: DELETE is not allowed"],
            refusals.Select(r => r.MessageText));
        var after = Assert.Single(await TrailAsync("UserRole", ivan.Id));
        Assert.Equal((before.ActorName, before.Changes), (after.ActorName, after.Changes));
    }

    [Fact]
    public async Task Adding_to_the_trail_is_all_the_site_may_do_and_it_does_so_with_each_change()
    {
        var ivan = await CreateUserAsync(new UserBuilder("ivan").InRole(Roles.Manager));

        var entries = await TrailAsync("UserRole", ivan.Id);

        Assert.Equal([(AuditAction.Added, "Client"), (AuditAction.Added, "Manager")],
            entries.Select(e => (e.Action, e.ReadChanges()["Role"].AfterText)));
        // Test set-up code runs outside any request and names no actor: the trail says so rather than guessing.
        Assert.All(entries, e => Assert.Equal((AuditActorKind.System, "unattributed", (string?)null, (string?)null), (e.ActorKind, e.ActorName, e.ActorId, e.RequestId)));
    }
}

/// <summary>The site with people's accounts audited as well (no module audits them today; a later one may).</summary>
public sealed class AuditedAccountsFixture : SiteFixture
{
    protected override void Configure(SiteFactory site) =>
        site.ConfigureTestServices = services => services.AddAudited<ApplicationUser>("User");
}

/// <summary>Secrets never reach the trail, even for an entity that holds them and is audited in full.</summary>
public sealed class AuditSecretsTests(AuditedAccountsFixture fixture) : SiteTest<AuditedAccountsFixture>(fixture)
{
    private Task<ApplicationUser> ReloadAsync(string nickname) => WithServicesAsync(services =>
        services.GetRequiredService<ApplicationDbContext>().Users.AsNoTracking().SingleAsync(u => u.UserName == nickname));

    [Fact]
    public async Task A_password_change_is_recorded_as_a_change_of_the_password_without_the_hash_or_the_security_stamp()
    {
        var client = await SignedInAsync(new UserBuilder("ivan"));
        var was = await ReloadAsync("ivan");

        var done = await client.SubmitAsync(await client.GetAsync("/Profile/Password"), "[data-testid=password-form]", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = UserBuilder.DefaultPassword,
            ["Input.NewPassword"] = "another-pass9",
            ["Input.ConfirmPassword"] = "another-pass9",
        });
        Assert.Equal("Пароль изменён.", done.TestId("status-message"));
        var now = await ReloadAsync("ivan");

        var entries = await TrailAsync("User", was.Id);
        var added = entries[0];
        Assert.Equal(AuditAction.Added, added.Action);
        Assert.Equal("ivan@example.ru", added.ReadChanges()["Email"].AfterText);
        Assert.True(added.ReadChanges()["PasswordHash"].Withheld);
        var change = entries.Single(e => e.Action == AuditAction.Changed && e.ActorName == "ivan");
        Assert.Equal(AuditActorKind.User, change.ActorKind);
        Assert.Equal(was.Id, change.ActorId);
        Assert.Equal(["PasswordHash"], change.ReadChanges().Keys);
        Assert.True(change.ReadChanges()["PasswordHash"].Withheld);
        Assert.NotEqual(was.PasswordHash, now.PasswordHash);
        Assert.NotEqual(was.SecurityStamp, now.SecurityStamp);
        var everything = string.Join("\n", entries.Select(e => e.Changes));
        foreach (var secret in new[] { was.PasswordHash!, now.PasswordHash!, was.SecurityStamp!, now.SecurityStamp!, was.ConcurrencyStamp!, now.ConcurrencyStamp! })
        {
            Assert.DoesNotContain(secret, everything, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("another-pass9", everything, StringComparison.Ordinal);
        Assert.DoesNotContain(UserBuilder.DefaultPassword, everything, StringComparison.Ordinal);
    }
}
