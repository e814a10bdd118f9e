using System.Data.Common;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using ServiceBooking.Domain.Api;
using ServiceBooking.Domain.Bookings;
using ServiceBooking.Domain.Campaigns;
using ServiceBooking.Domain.Catalog;
using ServiceBooking.Domain.Garage;
using ServiceBooking.Domain.Pickups;
using ServiceBooking.Domain.Reports;
using ServiceBooking.Domain.Telegram;
using ServiceBooking.Domain.WorkOrders;

namespace ServiceBooking.Web.Platform.Data;

public class ApplicationDbContext(DbContextOptions<ApplicationDbContext> options)
    : IdentityDbContext<ApplicationUser>(options), IDataProtectionKeyContext
{
    public const string MigrationsHistoryTable = "__ef_migrations_history";

    /// <summary>Data protection keys live in the database so that every instance of the site shares them.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Oil> Oils => Set<Oil>();

    public DbSet<Engine> Engines => Set<Engine>();

    public DbSet<CarModel> CarModels => Set<CarModel>();

    public DbSet<LabourRate> LabourRates => Set<LabourRate>();

    public DbSet<Part> Parts => Set<Part>();

    public DbSet<RepairType> RepairTypes => Set<RepairType>();

    public DbSet<Car> Cars => Set<Car>();

    public DbSet<ServiceAdvisor> ServiceAdvisors => Set<ServiceAdvisor>();

    public DbSet<DayOff> DaysOff => Set<DayOff>();

    public DbSet<Booking> Bookings => Set<Booking>();

    public DbSet<Campaign> Campaigns => Set<Campaign>();

    public DbSet<WorkOrder> WorkOrders => Set<WorkOrder>();

    public DbSet<StageSubmission> StageSubmissions => Set<StageSubmission>();

    public DbSet<Shift> Shifts => Set<Shift>();

    public DbSet<BlacklistEntry> Blacklist => Set<BlacklistEntry>();

    public DbSet<District> Districts => Set<District>();

    public DbSet<Driver> Drivers => Set<Driver>();

    public DbSet<PickupRequest> PickupRequests => Set<PickupRequest>();

    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    public DbSet<StoredReport> StoredReports => Set<StoredReport>();

    public DbSet<ApiSession> ApiSessions => Set<ApiSession>();

    /// <summary>The answers to creating API calls that carried an <c>Idempotency-Key</c>, replayed when the call is retried.</summary>
    public DbSet<IdempotentAnswer> IdempotentAnswers => Set<IdempotentAnswer>();

    public DbSet<TelegramBot> TelegramBots => Set<TelegramBot>();

    public DbSet<TelegramLink> TelegramLinks => Set<TelegramLink>();

    public DbSet<TelegramLinkCode> TelegramLinkCodes => Set<TelegramLinkCode>();

    public DbSet<TelegramUpdate> TelegramUpdates => Set<TelegramUpdate>();

    public DbSet<Notifications.OutboxMessage> Outbox => Set<Notifications.OutboxMessage>();

    /// <summary>Append-only: written by <see cref="Audit.AuditInterceptor"/>, refused UPDATE and DELETE by the database.</summary>
    public DbSet<Audit.AuditEntry> AuditTrail => Set<Audit.AuditEntry>();

    /// <summary>The one place that says how the site talks to PostgreSQL (the site and design-time tools both use it).</summary>
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, string connectionString) => options
        .UseNpgsql(WithPoolDefaults(connectionString), npgsql => npgsql.MigrationsHistoryTable(MigrationsHistoryTable))
        .UseSnakeCaseNamingConvention();

    /// <summary>
    /// How the site's pool is used (bench/RESULTS.md for both): Npgsql prepares the statements the site repeats most, so
    /// PostgreSQL parses and plans each of them once per connection instead of once per request; and a connection given
    /// back to the pool is not reset (with prepared statements kept, the reset is seven statements, and EF opens and
    /// closes the connection for every statement outside a transaction). The site keeps no session state on pooled
    /// connections: no <c>SET</c>, no session advisory lock, no temporary table; the live listener's connection is
    /// its own, outside the pool. An open transaction is still rolled back. A connection string that says otherwise
    /// about either wins.
    /// </summary>
    public static string WithPoolDefaults(string connectionString)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        var said = (string[] names) => names.Any(given.ContainsKey);
        var prepare = !said(["Max Auto Prepare", "MaxAutoPrepare"]);
        var noReset = !said(["No Reset On Close", "NoResetOnClose"]);
        if (!prepare && !noReset)
        {
            return connectionString;
        }

        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (prepare)
        {
            builder.MaxAutoPrepare = 32;
        }

        if (noReset)
        {
            builder.NoResetOnClose = true;
        }

        return builder.ConnectionString;
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        // Identity names its tables AspNet*; plain snake_case names match the rest of the schema.
        builder.Entity<ApplicationUser>().ToTable("users");
        builder.Entity<IdentityRole>().ToTable("roles");
        builder.Entity<IdentityUserRole<string>>().ToTable("user_roles");
        builder.Entity<IdentityUserClaim<string>>().ToTable("user_claims");
        builder.Entity<IdentityUserLogin<string>>().ToTable("user_logins");
        builder.Entity<IdentityUserToken<string>>().ToTable("user_tokens");
        builder.Entity<IdentityRoleClaim<string>>().ToTable("role_claims");

        builder.ApplyConfigurationsFromAssembly(typeof(ApplicationDbContext).Assembly);
    }
}
