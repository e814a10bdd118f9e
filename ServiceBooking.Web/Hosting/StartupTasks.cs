using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ServiceBooking.Web.Accounts;
using ServiceBooking.Web.Data;

namespace ServiceBooking.Web.Hosting;

/// <summary>
/// Runs before the site takes requests: migrations (Development, or when <c>Database:MigrateOnStartup</c> says so),
/// the first Admin from configuration, and the demo data when <c>Demo:Seed</c> is on (in Development only).
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
        if (database.Value.MigrateOnStartup ?? environment.IsDevelopment())
        {
            await provider.GetRequiredService<ApplicationDbContext>().Database.MigrateAsync(cancellationToken);
        }

        await provider.GetRequiredService<AdminBootstrapper>().BootstrapFromConfigurationAsync(configuration);

        if (configuration.GetValue<bool>("Demo:Seed") && !environment.IsDevelopment())
        {
            // Demo accounts share one known password: never on a real site.
            LogDemoIgnored(log, environment.EnvironmentName);
        }
        else if (configuration.GetValue<bool>("Demo:Seed"))
        {
            var password = configuration["Demo:Password"];
            if (string.IsNullOrEmpty(password))
            {
                throw new InvalidOperationException("Demo:Seed is on but Demo:Password is not set.");
            }

            await provider.GetRequiredService<DemoSeeder>().SeedAsync(password);
            var catalog = provider.GetRequiredService<Catalog.DemoCatalog>();
            await catalog.SeedAsync(cancellationToken);
            var client = await provider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<ApplicationUser>>().FindByNameAsync("client");
            if (client is not null)
            {
                await catalog.SeedDemoCarAsync(client.Id, cancellationToken);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo:Seed is ignored in the {Environment} environment: demo data is made only in Development")]
    private static partial void LogDemoIgnored(ILogger logger, string environment);
}
