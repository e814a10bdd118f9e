using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServiceBooking.Tests.Infrastructure;
using ServiceBooking.Web.Platform.Audit;
using ServiceBooking.Web.Platform.Data;

namespace ServiceBooking.Tests.Garage;

/// <summary>A car's life in the garage is audited: added, edited (mileage before and after), removed.</summary>
public sealed class GarageAuditTests(SiteFixture fixture) : SiteTest<SiteFixture>(fixture)
{
    private Task<T> DbAsync<T>(Func<ApplicationDbContext, Task<T>> query) =>
        WithServicesAsync(services => query(services.GetRequiredService<ApplicationDbContext>()));

    [Fact]
    public async Task Adding_editing_and_removing_a_car_are_the_owners_entries_with_the_values_as_stored()
    {
        await SeedDemoCatalogAsync();
        var client = await SignedInAsync(new UserBuilder("ivan"));
        var ivan = await DbAsync(db => db.Users.Where(u => u.UserName == "ivan").Select(u => u.Id).SingleAsync());
        var model = await DbAsync(db => db.CarModels.Where(m => m.Name == "Kia Rio (IV)").Select(m => m.Id).SingleAsync());
        await client.SubmitAsync(await client.GetAsync("/Garage/Edit"), "[data-testid=car-form]", new Dictionary<string, string>
        {
            ["Input.Vin"] = "z94c251abjr012345",
            ["Input.Plate"] = "a123bc777",
            ["Input.Certificate"] = "77 УА 123456",
            ["Input.SaleDate"] = "2019-05-20",
            ["Input.Mileage"] = "64000",
            ["Input.ModelId"] = model.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        var id = await DbAsync(db => db.Cars.Select(c => c.Id).SingleAsync());

        await client.SubmitAsync(await client.GetAsync($"/Garage/Edit/{id}"), "[data-testid=car-form]", new Dictionary<string, string> { ["Input.Mileage"] = "71500" });
        await client.SubmitAsync(await client.GetAsync("/Garage"), "[data-testid=car-card] form");

        var entries = await TrailAsync("Car", id);
        Assert.Equal([AuditAction.Added, AuditAction.Changed, AuditAction.Changed], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal((AuditActorKind.User, ivan), (e.ActorKind, e.ActorId)));
        var added = entries[0].ReadChanges();
        // Stored as the database has them: the VIN in capitals, the plate with Cyrillic letters, mileage in kilometres.
        Assert.Equal(("Z94C251ABJR012345", "А123ВС777", "64000", "2019-05-20", ivan),
            (added["Vin"].AfterText, added["Plate"].AfterText, added["Mileage"].AfterText, added["SaleDate"].AfterText, added["OwnerId"].AfterText));
        var edited = Assert.Single(entries[1].ReadChanges());
        Assert.Equal(("Mileage", "64000", "71500"), (edited.Key, edited.Value.BeforeText, edited.Value.AfterText));
        var removed = Assert.Single(entries[2].ReadChanges());
        Assert.Equal(("IsActive", "true", "false"), (removed.Key, removed.Value.BeforeText, removed.Value.AfterText));
    }
}
