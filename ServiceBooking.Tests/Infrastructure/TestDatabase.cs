using Microsoft.EntityFrameworkCore;
using Npgsql;
using ServiceBooking.Web.Platform.Data;

namespace ServiceBooking.Tests.Infrastructure;

/// <summary>
/// Real PostgreSQL for the tests. The server comes from <c>SERVICEBOOKING_TEST_PG</c> (./test.sh starts a throwaway
/// cluster and sets it). Migrations are applied once to a template database; every fixture then gets its own copy
/// (<c>CREATE DATABASE … TEMPLATE</c>), so test classes run in parallel without seeing each other's rows.
/// </summary>
public static class TestDatabase
{
    public const string ServerVariable = "SERVICEBOOKING_TEST_PG";

    private static readonly Lazy<Task<string>> Template = new(CreateTemplateAsync);

    public static string Server => Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } value
        ? value
        : throw new InvalidOperationException(
            $"{ServerVariable} is not set. Run ./test.sh, or point it at a PostgreSQL server (\"Host=…;Username=…\").");

    /// <summary>A fresh, migrated database; returns its connection string.</summary>
    public static async Task<string> CreateAsync()
    {
        var template = await Template.Value;
        var name = "sb_test_" + Guid.NewGuid().ToString("N")[..16];
        await ExecuteAsync($"CREATE DATABASE {name} TEMPLATE {template}");
        return ConnectionString(name);
    }

    public static async Task DropAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
    }

    public static string ConnectionString(string database) => new NpgsqlConnectionStringBuilder(Server)
    {
        Database = database,
        // Tests hold several hosts at once; keep each pool small.
        MaxPoolSize = 20,
        IncludeErrorDetail = true,
    }.ConnectionString;

    private static async Task<string> CreateTemplateAsync()
    {
        var name = $"sb_template_{Environment.ProcessId}";
        await ExecuteAsync($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        await ExecuteAsync($"CREATE DATABASE {name}");
        var options = new DbContextOptionsBuilder<ApplicationDbContext>();
        ApplicationDbContext.Configure(options, ConnectionString(name));
        await using (var db = new ApplicationDbContext(options.Options))
        {
            await db.Database.MigrateAsync();
        }

        // A template must have no open connections when it is copied.
        NpgsqlConnection.ClearAllPools();
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            NpgsqlConnection.ClearAllPools();
            ExecuteAsync($"DROP DATABASE IF EXISTS {name} WITH (FORCE)").GetAwaiter().GetResult();
        };
        return name;
    }

    private static async Task ExecuteAsync(string sql)
    {
        var builder = new NpgsqlConnectionStringBuilder(Server) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
