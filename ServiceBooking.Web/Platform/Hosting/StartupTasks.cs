using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ServiceBooking.Web.Platform.Audit;
using ServiceBooking.Web.Platform.Data;

namespace ServiceBooking.Web.Platform.Hosting;

/// <summary>What the site starts with: whether to make demo data (Development only), and its accounts' password.</summary>
public sealed record StartupContext(bool SeedDemo, string? DemoPassword);

/// <summary>Work a module does when the site starts, after the migrations, in the order the modules were added.</summary>
public interface IStartupTask
{
    Task RunAsync(StartupContext context, CancellationToken cancellationToken);
}

/// <summary>
/// Runs before the site takes requests: migrations (Development, or when <c>Database:MigrateOnStartup</c> says so),
/// then each module's <see cref="IStartupTask"/> (the first Admin from configuration, the demo data when
/// <c>Demo:Seed</c> is on, in Development only).
/// </summary>
public sealed partial class StartupTasks(
    IServiceProvider services, IConfiguration configuration, IHostEnvironment environment, IOptions<DatabaseOptions> database,
    ILogger<StartupTasks> log)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        // The first Admin and the demo data are the start-up's doing in the audit trail.
        using var actor = AuditActor.Use(AuditActor.Startup);
        if (database.Value.MigrateOnStartup ?? environment.IsDevelopment())
        {
            await provider.GetRequiredService<ApplicationDbContext>().Database.MigrateAsync(cancellationToken);
        }

        var demo = configuration.GetValue<bool>("Demo:Seed");
        if (demo && !environment.IsDevelopment())
        {
            // Demo accounts share one known password: never on a real site.
            LogDemoIgnored(log, environment.EnvironmentName);
            demo = false;
        }

        var password = configuration["Demo:Password"];
        if (demo && string.IsNullOrEmpty(password))
        {
            throw new InvalidOperationException("Demo:Seed is on but Demo:Password is not set.");
        }

        var context = new StartupContext(demo, password);
        foreach (var task in provider.GetServices<IStartupTask>())
        {
            await task.RunAsync(context, cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo:Seed is ignored in the {Environment} environment: demo data is made only in Development")]
    private static partial void LogDemoIgnored(ILogger logger, string environment);
}
