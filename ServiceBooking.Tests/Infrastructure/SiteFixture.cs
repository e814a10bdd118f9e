using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Respawn;
using ServiceBooking.Web.Platform.Audit;
using ServiceBooking.Web.Platform.Data;

namespace ServiceBooking.Tests.Infrastructure;

/// <summary>
/// One site, one database and one SMTP sink per test class (<c>IClassFixture&lt;SiteFixture&gt;</c>).
/// Each test starts from an empty database: <see cref="ResetAsync"/> deletes every row but the migrations' own
/// (roles and migration history), the data protection keys and the audit trail. The trail is append-only for
/// everyone (the database refuses DELETE on it), so it is left out of the reset rather than the rule weakened for
/// tests: a test reads the entries of its own entities (ids keep growing across resets, user ids are new GUIDs).
/// </summary>
public class SiteFixture : IAsyncLifetime
{
    private Respawner? _respawner;

    public SmtpSink Smtp { get; } = new();

    public SiteFactory Site { get; private set; } = default!;

    public string ConnectionString { get; private set; } = string.Empty;

    public virtual async Task InitializeAsync()
    {
        ConnectionString = await TestDatabase.CreateAsync();
        Site = new SiteFactory(ConnectionString, Smtp);
        Configure(Site);
        StartSite();
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        _respawner = await Respawner.CreateAsync(connection, new RespawnerOptions
        {
            DbAdapter = DbAdapter.Postgres,
            SchemasToInclude = ["public"],
            TablesToIgnore = [ApplicationDbContext.MigrationsHistoryTable, "roles", "data_protection_keys", "audit_entries"],
        });
    }

    /// <summary>Starts the host now (start-up tasks run here, not in the first test): in memory by default.</summary>
    protected virtual void StartSite() => _ = Site.Server;

    /// <summary>Override to add settings or services before the site starts.</summary>
    protected virtual void Configure(SiteFactory site)
    {
    }

    public async Task ResetAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await _respawner!.ResetAsync(connection);
        // The rows went behind the site's back (TRUNCATE also notifies, but asynchronously): it must not show advisors,
        // days off or grids it read before.
        Site.Services.GetRequiredService<Web.Modules.Bookings.CalendarFacts>().Changed();
        Site.Services.GetRequiredService<Web.Modules.Bookings.DayGridCache>().Clear();
        Smtp.Refuse = false;
        Smtp.Clear();
    }

    public async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Site.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    public virtual async Task DisposeAsync()
    {
        await Site.DisposeAsync();
        await Smtp.DisposeAsync();
        await TestDatabase.DropAsync(ConnectionString);
    }
}

/// <summary>Base class for tests against the site: resets the database before each test.</summary>
public abstract class SiteTest<TFixture>(TFixture fixture) : IClassFixture<TFixture>, IAsyncLifetime
    where TFixture : SiteFixture
{
    protected TFixture Fixture { get; } = fixture;

    protected SmtpSink Smtp => Fixture.Smtp;

    public virtual Task InitializeAsync() => Fixture.ResetAsync();

    public virtual Task DisposeAsync() => Task.CompletedTask;

    protected Task<T> WithServicesAsync<T>(Func<IServiceProvider, Task<T>> action) => Fixture.WithScopeAsync(action);

    /// <summary>The demo catalog of ./run.sh: eight models, their engines, oils, parts and repair types, four advisors.</summary>
    protected Task SeedDemoCatalogAsync() => WithServicesAsync(async services =>
    {
        await services.GetRequiredService<Web.Modules.Catalog.DemoCatalog>().SeedAsync(CancellationToken.None);
        return true;
    });

    /// <summary>The audit trail's entries of one entity, oldest first.</summary>
    protected Task<List<AuditEntry>> TrailAsync(string entityType, object entityId) => WithServicesAsync(services =>
    {
        var id = Convert.ToString(entityId, System.Globalization.CultureInfo.InvariantCulture);
        return services.GetRequiredService<ApplicationDbContext>().AuditTrail.AsNoTracking()
            .Where(e => e.EntityType == entityType && e.EntityId == id).OrderBy(e => e.Id).ToListAsync();
    });

    /// <summary>Creates the account and returns a client signed in as it (through the sign-in form).</summary>
    protected async Task<HtmlClient> SignedInAsync(UserBuilder user)
    {
        await CreateUserAsync(user);
        return await SignInAsync(user);
    }

    /// <summary>A new client signed in as an existing account.</summary>
    protected async Task<HtmlClient> SignInAsync(UserBuilder user)
    {
        var client = HtmlClient.For(Fixture.Site);
        var page = await client.SubmitAsync(await client.GetAsync("/Account/Login"), "[data-testid=login-form]",
            new Dictionary<string, string> { ["Input.Login"] = user.Nickname, ["Input.Password"] = user.Password });
        Assert.True(page.Has("nav-profile"), $"{user.Nickname} could not sign in");
        return client;
    }

    /// <summary>Creates an account the way the product does (through UserManager), confirmed unless told otherwise.</summary>
    protected Task<ApplicationUser> CreateUserAsync(UserBuilder user) => WithServicesAsync(async services =>
    {
        var users = services.GetRequiredService<UserManager<ApplicationUser>>();
        var entity = user.Build();
        var result = await users.CreateAsync(entity, user.Password);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
        foreach (var role in user.Roles)
        {
            await users.AddToRoleAsync(entity, role);
        }

        return entity;
    });
}
