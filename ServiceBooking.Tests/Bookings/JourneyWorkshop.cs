using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServiceBooking.Domain.Garage;
using ServiceBooking.Tests.Infrastructure;
using ServiceBooking.Web.Modules.Catalog;
using ServiceBooking.Web.Platform;
using ServiceBooking.Web.Platform.Data;

namespace ServiceBooking.Tests.Bookings;

/// <summary>
/// What the booking journeys start from: the demo catalog, clients Anna and Boris with a Kia Rio each, manager Marina,
/// and the day they book (tomorrow, or the first day after it that is not a day off).
/// </summary>
public static class JourneyWorkshop
{
    public static Task<DateOnly> SeedAsync(SiteFixture fixture) => fixture.WithScopeAsync(async services =>
    {
        var db = services.GetRequiredService<ApplicationDbContext>();
        await services.GetRequiredService<DemoCatalog>().SeedAsync(CancellationToken.None);
        var users = services.GetRequiredService<UserManager<ApplicationUser>>();
        var rio = await db.CarModels.SingleAsync(m => m.Name == "Kia Rio (IV)");
        var today = services.GetRequiredService<WorkshopClock>().Today;
        var number = 1;
        foreach (var builder in new[]
        {
            new UserBuilder("anna").WithName("Кузнецова", "Анна", "Олеговна"),
            new UserBuilder("boris").WithName("Борисов", "Борис"),
            new UserBuilder("marina").WithName("Смирнова", "Марина").InRole(Roles.Manager),
        })
        {
            var user = builder.Build();
            await users.CreateAsync(user, builder.Password);
            foreach (var role in builder.Roles)
            {
                await users.AddToRoleAsync(user, role);
            }

            db.Cars.Add(Car.Register(user.Id, new CarDetails(
                Vin.Parse($"Z94C241BBJR00000{number}"), PlateNumber.Parse($"В00{number}ОР77"), RegistrationCertificateNumber.Parse("77 УА 123456"),
                today.AddYears(-2), Mileage.FromKilometres(20000), rio), today));
            number++;
        }

        await db.SaveChangesAsync();
        var daysOff = await db.DaysOff.Select(d => d.Date).ToListAsync();
        var day = today.AddDays(1);
        while (daysOff.Contains(day))
        {
            day = day.AddDays(1);
        }

        return day;
    });
}
