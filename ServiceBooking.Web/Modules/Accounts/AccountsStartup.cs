using ServiceBooking.Web.Platform.Hosting;

namespace ServiceBooking.Web.Modules.Accounts;

/// <summary>At start-up: the first Admin from configuration, and the demo accounts when demo data is on.</summary>
public sealed class AccountsStartup(AdminBootstrapper admins, DemoSeeder demo, IConfiguration configuration) : IStartupTask
{
    public async Task RunAsync(StartupContext context, CancellationToken cancellationToken)
    {
        await admins.BootstrapFromConfigurationAsync(configuration);
        if (context.SeedDemo)
        {
            await demo.SeedAsync(context.DemoPassword!);
        }
    }
}
