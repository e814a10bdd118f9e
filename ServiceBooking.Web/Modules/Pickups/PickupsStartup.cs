using Microsoft.EntityFrameworkCore;
using ServiceBooking.Domain.Pickups;
using ServiceBooking.Web.Platform.Data;
using ServiceBooking.Web.Platform.Hosting;

namespace ServiceBooking.Web.Modules.Pickups;

/// <summary>With demo data on: a few of the city's districts, and the demo driver serving two of them (once; later runs leave them).</summary>
public sealed class PickupsStartup(ApplicationDbContext db, TimeProvider time) : IStartupTask
{
    public static readonly IReadOnlyList<string> DemoDistricts = ["Центральный", "Северный", "Южный", "Западный", "Восточный"];

    public async Task RunAsync(StartupContext context, CancellationToken cancellationToken)
    {
        if (!context.SeedDemo || await db.Districts.AnyAsync(cancellationToken))
        {
            return;
        }

        var districts = DemoDistricts.Select(District.Create).ToList();
        db.Districts.AddRange(districts);
        await db.SaveChangesAsync(cancellationToken);
        var driver = await db.Users.Where(u => u.UserName == "driver").Select(u => u.Id).SingleOrDefaultAsync(cancellationToken);
        if (driver is not null && !await db.Drivers.AnyAsync(d => d.UserId == driver, cancellationToken))
        {
            db.Drivers.Add(Driver.Create(driver, [districts[0].Id, districts[1].Id], time.GetUtcNow()));
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
