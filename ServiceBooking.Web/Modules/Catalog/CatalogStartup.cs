using Microsoft.AspNetCore.Identity;
using ServiceBooking.Web.Platform.Data;
using ServiceBooking.Web.Platform.Hosting;

namespace ServiceBooking.Web.Modules.Catalog;

/// <summary>At start-up with demo data: the demo catalog, and a Kia Rio in the demo client's garage.</summary>
public sealed class CatalogStartup(DemoCatalog catalog, UserManager<ApplicationUser> users) : IStartupTask
{
    public async Task RunAsync(StartupContext context, CancellationToken cancellationToken)
    {
        if (!context.SeedDemo)
        {
            return;
        }

        await catalog.SeedAsync(cancellationToken);
        if (await users.FindByNameAsync("client") is { } client)
        {
            await catalog.SeedDemoCarAsync(client.Id, cancellationToken);
        }
    }
}
