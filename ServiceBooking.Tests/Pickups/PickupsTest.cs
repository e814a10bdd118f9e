using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServiceBooking.Domain.Pickups;
using ServiceBooking.Tests.Bookings;
using ServiceBooking.Tests.Infrastructure;
using ServiceBooking.Web.Modules.Pickups;
using ServiceBooking.Web.Platform.Data;

namespace ServiceBooking.Tests.Pickups;

/// <summary>What the pick-up tests share: districts, drivers, a client's request through the product's own services.</summary>
public abstract class PickupsTest(BookingFixture fixture) : BookingTest<BookingFixture>(fixture)
{
    /// <summary>Tomorrow, 11:00 in the workshop's zone (the tests' clock is 09:10 there on 1 December 2026).</summary>
    protected static readonly DateTime Tomorrow11 = new(2026, 12, 2, 11, 0, 0);

    protected Task<int> DistrictAsync(string name) => DbAsync(async db =>
    {
        var district = District.Create(name);
        db.Districts.Add(district);
        await db.SaveChangesAsync();
        return district.Id;
    });

    /// <summary>A driver's account (role Driver, signed in) and profile serving <paramref name="districts"/>.</summary>
    protected async Task<(HtmlClient Client, string Id)> DriverAsync(string nickname, params int[] districts)
    {
        var user = new UserBuilder(nickname).WithName("Водителев", nickname == "dima" ? "Дмитрий" : "Пётр").WithPhone("+79160000077").InRole(Roles.Driver);
        var account = await CreateUserAsync(user);
        await DbAsync(async db =>
        {
            db.Drivers.Add(Driver.Create(account.Id, districts, Fixture.Clock.GetUtcNow().AddHours(-1)));
            return await db.SaveChangesAsync();
        });
        return (await SignInAsync(user), account.Id);
    }

    protected Task<string> UserIdAsync(string nickname) => DbAsync(db => db.Users.Where(u => u.UserName == nickname).Select(u => u.Id).SingleAsync());

    /// <summary>The client's request as the form makes it: tomorrow, 10:00–13:00.</summary>
    protected async Task<int> RequestAsync(string clientNickname, int carId, int districtId, string address = "ул. Ленина, 5, подъезд 2")
    {
        var clientId = await UserIdAsync(clientNickname);
        var made = await WithServicesAsync(services => services.GetRequiredService<PickupRequests>().RequestAsync(clientId,
            new PickupDraft(carId, address, districtId, Today.AddDays(1), new TimeOnly(10, 0), new TimeOnly(13, 0), "Ключи у консьержа"), CancellationToken.None));
        return Assert.IsType<PickupChange.Done>(made).Request.Id;
    }

    protected Task<PickupChange> ConfirmAsync(int requestId, DateTime at, decimal price) => WithServicesAsync(async services =>
    {
        var manager = await services.GetRequiredService<ApplicationDbContext>().Users.Select(u => u.Id).FirstAsync();
        return await services.GetRequiredService<PickupRequests>().ConfirmAsync(manager, requestId, at, price, CancellationToken.None);
    });

    protected Task<PickupRequest> PickupAsync(int id) => DbAsync(db => db.PickupRequests.AsNoTracking().SingleAsync(r => r.Id == id));
}
