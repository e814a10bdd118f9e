using System.Diagnostics;
using Npgsql;
using ServiceBooking.Tests.Infrastructure;

namespace ServiceBooking.Tests.Platform.Hosting;

/// <summary>The site's operations commands, run as a user would: <c>dotnet ServiceBooking.Web.dll migrate | create-admin | run-job</c>.</summary>
public sealed class CommandsTests : IAsyncLifetime
{
    private string _database = string.Empty;

    public async Task InitializeAsync()
    {
        _database = "sb_cmd_" + Guid.NewGuid().ToString("N")[..12];
        await ExecuteAsync("postgres", $"CREATE DATABASE {_database}");
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync("postgres", $"DROP DATABASE IF EXISTS {_database} WITH (FORCE)");
    }

    [Fact]
    public async Task Migrate_creates_the_schema_with_the_roles_and_a_second_run_changes_nothing()
    {
        var first = await RunAsync("migrate");
        var second = await RunAsync("migrate");

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("Database is up to date.", second.Output, StringComparison.Ordinal);
        var roles = await ScalarAsync<string>("select string_agg(name, ',' order by name) from roles");
        Assert.Equal("Admin,Client,Driver,Manager,Mechanic,Operator,ShopMechanic,Supervisor", roles);
    }

    [Fact]
    public async Task Run_job_runs_a_scheduled_job_once_and_says_what_it_did_and_an_unknown_job_gets_the_usage()
    {
        await RunAsync("migrate");

        var campaigns = await RunAsync("run-job campaigns");
        var unknown = await RunAsync("run-job everything");

        Assert.Equal(0, campaigns.ExitCode);
        Assert.Matches(@"^campaigns: 0 in \d+ ms$", campaigns.Output.Trim().Split('\n')[^1]);
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("usage: run-job outbox|reminders|maintenance|campaigns", unknown.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_admin_makes_a_confirmed_admin_with_the_password_from_the_environment()
    {
        await RunAsync("migrate");

        var result = await RunAsync("create-admin --nickname boss --email boss@example.ru", ("ADMIN_PASSWORD", "strong-boss-pass1"));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("boss is an Admin.", result.Output, StringComparison.Ordinal);
        var roles = await ScalarAsync<string>(
            "select string_agg(r.name, ',' order by r.name) from users u join user_roles ur on ur.user_id = u.id join roles r on r.id = ur.role_id " +
            "where u.user_name = 'boss' and u.email_confirmed");
        Assert.Equal("Admin,Client", roles);
        // The audit trail says the command did it (no request, no signed-in user).
        var trail = await ScalarAsync<string>(
            "select string_agg(a.actor_kind || ' ' || a.actor_name || ' ' || a.action || ' ' || (a.changes -> 'Role' ->> 'after'), ',' order by a.id) " +
            "from audit_entries a join users u on u.id = a.entity_id where a.entity_type = 'UserRole' and u.user_name = 'boss'");
        Assert.Equal("Command create-admin Added Client,Command create-admin Added Admin", trail);
    }

    [Fact]
    public async Task Run_job_acts_in_the_audit_trail_as_the_job_it_runs()
    {
        await RunAsync("migrate");
        await RunAsync("create-admin --nickname boss --email boss@example.ru", ("ADMIN_PASSWORD", "strong-boss-pass1"));
        await ExecuteAsync(_database,
            "insert into campaigns (subject, body, audience, model_ids, client_ids, created_by_id, created_at, status, recipients) " +
            "select 'Скидка', 'Текст', 'AllClients', '{}', '{}', id, now(), 'Queued', 0 from users where user_name = 'boss'");

        var run = await RunAsync("run-job campaigns");

        Assert.Equal(0, run.ExitCode);
        var trail = await ScalarAsync<string>(
            "select a.actor_kind || ' ' || a.actor_name || ' ' || a.action || ' ' || (a.changes -> 'Status' ->> 'before') || '>' || (a.changes -> 'Status' ->> 'after') " +
            "from audit_entries a where a.entity_type = 'Campaign'");
        Assert.Equal("Job campaigns Changed Queued>Enqueued", trail);
    }

    [Fact]
    public async Task Create_admin_refuses_a_weak_password_and_creates_nothing()
    {
        await RunAsync("migrate");

        var result = await RunAsync("create-admin --nickname boss --email boss@example.ru", ("ADMIN_PASSWORD", "short"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("8", result.Errors, StringComparison.Ordinal);
        Assert.Equal(0L, await ScalarAsync<long>("select count(*) from users"));
    }

    [Fact]
    public async Task Create_admin_does_not_promote_an_existing_account_without_promote_and_its_own_password()
    {
        await RunAsync("migrate");
        await RunAsync("create-admin --nickname worker --email worker@example.ru", ("ADMIN_PASSWORD", "worker-pass-1"));
        await ExecuteAsync(_database, "delete from user_roles where role_id = (select id from roles where name = 'Admin')");

        var named = await RunAsync("create-admin --nickname worker --email other@example.ru", ("ADMIN_PASSWORD", "attacker-pass-1"));
        var wrongPassword = await RunAsync("create-admin --nickname worker --email worker@example.ru --promote", ("ADMIN_PASSWORD", "attacker-pass-1"));
        Assert.Equal(0L, await AdminsAsync());
        var promoted = await RunAsync("create-admin --promote --nickname worker --email worker@example.ru", ("ADMIN_PASSWORD", "worker-pass-1"));

        Assert.Equal(1, named.ExitCode);
        Assert.Contains("--promote", named.Errors, StringComparison.Ordinal);
        Assert.Equal(1, wrongPassword.ExitCode);
        Assert.Contains("not the password", wrongPassword.Errors, StringComparison.Ordinal);
        Assert.Equal(0, promoted.ExitCode);
        Assert.Equal(1L, await AdminsAsync());
        Assert.Equal(1L, await ScalarAsync<long>("select count(*) from users"));
    }

    [Fact]
    public async Task Outside_development_the_site_refuses_to_start_without_a_public_url_and_says_what_to_set()
    {
        await RunAsync("migrate");

        var site = await RunAsync(string.Empty, ("Site__PublicUrl", string.Empty), ("ASPNETCORE_URLS", "http://127.0.0.1:0"));
        var malformed = await RunAsync(string.Empty, ("Site__PublicUrl", "service.example"), ("ASPNETCORE_URLS", "http://127.0.0.1:0"));
        var job = await RunAsync("run-job outbox", ("Site__PublicUrl", string.Empty));

        Assert.NotEqual(0, site.ExitCode);
        Assert.Contains("Site:PublicUrl", site.Errors, StringComparison.Ordinal);
        Assert.Contains("Site__PublicUrl", site.Errors, StringComparison.Ordinal);
        Assert.NotEqual(0, malformed.ExitCode);
        Assert.Contains("is not an absolute http:// or https:// address", malformed.Errors, StringComparison.Ordinal);
        Assert.NotEqual(0, job.ExitCode);
        Assert.Contains("Site:PublicUrl", job.Errors, StringComparison.Ordinal);
    }

    private Task<long> AdminsAsync() => ScalarAsync<long>(
        "select count(*) from user_roles ur join roles r on r.id = ur.role_id where r.name = 'Admin'");

    private async Task<(int ExitCode, string Output, string Errors)> RunAsync(string arguments, params (string Name, string Value)[] environment)
    {
        var start = new ProcessStartInfo("dotnet", $"\"{WebAssembly()}\" {arguments}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.Environment["ConnectionStrings__Default"] = TestDatabase.ConnectionString(_database);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Email__Smtp__Host"] = "127.0.0.1";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Site__PublicUrl"] = "https://service.example";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            // A command (or a site that should have refused to start) still running: stop it, and fail.
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await output, await errors);
    }

    private static string WebAssembly()
    {
        // The site's own build output, next to this test assembly's (bin/<Configuration>/net10.0).
        var here = new DirectoryInfo(AppContext.BaseDirectory);
        var framework = here.Name;
        var configuration = here.Parent!.Name;
        var solution = here.Parent!.Parent!.Parent!.Parent!;
        var path = Path.Combine(solution.FullName, "ServiceBooking.Web", "bin", configuration, framework, "ServiceBooking.Web.dll");
        Assert.True(File.Exists(path), $"The site is not built at {path}.");
        return path;
    }

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(TestDatabase.ConnectionString(_database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private static async Task ExecuteAsync(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(TestDatabase.ConnectionString(database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
