using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServiceBooking.Domain.Garage;
using ServiceBooking.Tests.Infrastructure;
using ServiceBooking.Web.Platform.Data;

namespace ServiceBooking.Tests.Bookings;

/// <summary>
/// The site with a clock the tests hold: by default Tuesday 1 December 2026, 09:10 in Moscow (06:10 UTC), so
/// the first three half-hours of the day have begun. <see cref="Zone"/> changes the service centre's time zone.
/// </summary>
public class BookingFixture : SiteFixture
{
    public static readonly DateTimeOffset DefaultNow = new(2026, 12, 1, 6, 10, 0, TimeSpan.Zero);

    public TestClock Clock { get; } = new(DefaultNow);

    protected virtual string Zone => "Europe/Moscow";

    protected override void Configure(SiteFactory site)
    {
        site.Settings["ServiceCentre:TimeZone"] = Zone;
        site.ConfigureTestServices = services => services.AddSingleton<TimeProvider>(Clock);
    }

    /// <summary>Runs a job or service of the site in its own scope, as the scheduler does.</summary>
    public async Task<TResult> RunAsync<TService, TResult>(Func<TService, Task<TResult>> work)
        where TService : notnull
    {
        await using var scope = Site.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }
}

/// <summary>Booking tests: the demo catalog, a clock set back to <see cref="BookingFixture.DefaultNow"/>, helpers for clients and cars.</summary>
public abstract class BookingTest<TFixture>(TFixture fixture) : SiteTest<TFixture>(fixture)
    where TFixture : BookingFixture
{
    protected static readonly DateOnly Today = new(2026, 12, 1);

    public override async Task InitializeAsync()
    {
        Fixture.Clock.SetUtcNow(BookingFixture.DefaultNow);
        await base.InitializeAsync();
        await SeedDemoCatalogAsync();
    }

    protected static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    protected Task<T> DbAsync<T>(Func<ApplicationDbContext, Task<T>> query) =>
        WithServicesAsync(services => query(services.GetRequiredService<ApplicationDbContext>()));

    protected Task<int> AdvisorIdAsync(string lastName) => DbAsync(db => db.ServiceAdvisors.Where(a => a.LastName == lastName).Select(a => a.Id).SingleAsync());

    protected Task<int> RepairTypeIdAsync(string name, string? model) => DbAsync(db => db.RepairTypes
        .Where(t => t.Name == name && (model == null ? t.CarModelId == null : t.CarModel!.Name == model)).Select(t => t.Id).SingleAsync());

    /// <summary>Puts a car of <paramref name="model"/> in the user's garage; returns its id.</summary>
    protected Task<int> AddCarAsync(string nickname, string model, string vin, string plate) => WithServicesAsync(async services =>
    {
        var db = services.GetRequiredService<ApplicationDbContext>();
        var owner = await services.GetRequiredService<UserManager<ApplicationUser>>().FindByNameAsync(nickname);
        var carModel = await db.CarModels.SingleAsync(m => m.Name == model);
        var car = Car.Register(owner!.Id, new CarDetails(
            Vin.Parse(vin), PlateNumber.Parse(plate), RegistrationCertificateNumber.Parse("77 УА 123456"),
            new DateOnly(2020, 1, 1), Mileage.FromKilometres(30000), carModel), Today);
        db.Cars.Add(car);
        await db.SaveChangesAsync();
        return car.Id;
    });

    /// <summary>A signed-in client with a Kia Rio (IV); returns the client and the car id.</summary>
    protected async Task<(HtmlClient Client, int CarId)> ClientWithRioAsync(string nickname, int number = 1)
    {
        var client = await SignedInAsync(new UserBuilder(nickname));
        var carId = await AddCarAsync(nickname, "Kia Rio (IV)", $"Z94C241BBJR{number:D6}", $"В{number % 1000:D3}ОР77");
        return (client, carId);
    }

    protected static Dictionary<string, string> BookForm(DateOnly date, string time, int advisorId, int carId, int repairTypeId) => new()
    {
        ["date"] = Iso(date),
        ["time"] = time,
        ["advisorId"] = advisorId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["carId"] = carId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["repairTypeId"] = repairTypeId.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>Posts the booking panel's form the way htmx does, with the token of the booking page.</summary>
    protected static async Task<HtmlPage> BookAsync(HtmlClient client, Dictionary<string, string> form)
    {
        var page = await client.GetAsync("/Booking");
        return await client.HtmxAsync("/Booking?handler=Book", page, form);
    }

    /// <summary>The state the grid shows for one cell ("free", "busy", "own", "cancelled", "closed").</summary>
    protected static string? CellState(HtmlPage page, string time, int advisorId) =>
        page.Document.QuerySelector($"[data-testid=slot][data-time='{time}'][data-advisor='{advisorId}']")?.GetAttribute("data-state");
}
