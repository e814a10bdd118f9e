using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServiceBooking.Tests.Infrastructure;
using ServiceBooking.Web.Platform.Audit;
using ServiceBooking.Web.Platform.Data;

namespace ServiceBooking.Tests.Catalog;

/// <summary>What prices are made of is audited: who changed which price from what to what, and what was deleted.</summary>
public sealed class CatalogAuditTests(SiteFixture fixture) : SiteTest<SiteFixture>(fixture)
{
    private Task<T> DbAsync<T>(Func<ApplicationDbContext, Task<T>> query) =>
        WithServicesAsync(services => query(services.GetRequiredService<ApplicationDbContext>()));

    private async Task<(HtmlClient Client, string Id)> AdminAsync()
    {
        var admin = await SignedInAsync(new UserBuilder("boss").InRole(Roles.Admin));
        return (admin, await DbAsync(db => db.Users.Where(u => u.UserName == "boss").Select(u => u.Id).SingleAsync()));
    }

    /// <summary>The last entry of the entity, which must be the admin's change of exactly one field.</summary>
    private async Task<(string? Before, string? After)> ChangedByAsync(string adminId, string type, int id, string field)
    {
        var entry = (await TrailAsync(type, id))[^1];
        Assert.Equal((AuditAction.Changed, AuditActorKind.User, adminId, "boss"), (entry.Action, entry.ActorKind, entry.ActorId, entry.ActorName));
        var change = Assert.Single(entry.ReadChanges());
        Assert.Equal(field, change.Key);
        return (change.Value.BeforeText, change.Value.AfterText);
    }

    [Fact]
    public async Task Each_price_an_admin_changes_is_recorded_with_its_old_and_new_value()
    {
        await SeedDemoCatalogAsync();
        var (admin, adminId) = await AdminAsync();
        var oil = await DbAsync(db => db.Oils.OrderBy(o => o.Id).FirstAsync());
        var rate = await DbAsync(db => db.LabourRates.OrderBy(r => r.Id).FirstAsync());
        var part = await DbAsync(db => db.Parts.OrderBy(p => p.Id).FirstAsync());
        var model = await DbAsync(db => db.CarModels.SingleAsync(m => m.Name == "Kia Rio (IV)"));

        await admin.SubmitAsync(await admin.GetAsync($"/Admin/Oils/Edit/{oil.Id}"), "[data-testid=oil-form]", new Dictionary<string, string> { ["Input.Price"] = "1 111,10" });
        await admin.SubmitAsync(await admin.GetAsync($"/Admin/LabourRates/Edit/{rate.Id}"), "[data-testid=rate-form]", new Dictionary<string, string> { ["Input.Price"] = "3 333" });
        await admin.SubmitAsync(await admin.GetAsync($"/Admin/Parts/Edit/{part.Id}"), "[data-testid=part-form]", new Dictionary<string, string> { ["Input.Price"] = "444,40" });
        await admin.SubmitWithFilesAsync(await admin.GetAsync($"/Admin/Models/Edit/{model.Id}"), "[data-testid=model-form]", new Dictionary<string, string> { ["Input.Coefficient"] = "1,25" });

        Assert.Equal((Text(oil.PricePerLitre.Amount), "1111.10"), await ChangedByAsync(adminId, "Oil", oil.Id, "PricePerLitre"));
        Assert.Equal((Text(rate.PricePerHour.Amount), "3333.00"), await ChangedByAsync(adminId, "LabourRate", rate.Id, "PricePerHour"));
        Assert.Equal((Text(part.Price.Amount), "444.40"), await ChangedByAsync(adminId, "Part", part.Id, "Price"));
        Assert.Equal(("1.05", "1.25"), await ChangedByAsync(adminId, "CarModel", model.Id, "Coefficient"));
    }

    [Fact]
    public async Task A_repair_types_norm_hours_changed_by_an_admin_are_recorded()
    {
        await SeedDemoCatalogAsync();
        var (admin, adminId) = await AdminAsync();
        var type = await DbAsync(db => db.RepairTypes.OrderBy(t => t.Id).FirstAsync());
        var changed = type.NormHours + 0.5m;

        await admin.SubmitAsync(await admin.GetAsync($"/Admin/RepairTypes/Edit/{type.Id}"), "[data-testid=repair-type-form]",
            new Dictionary<string, string> { ["Input.NormHours"] = changed.ToString(System.Globalization.CultureInfo.GetCultureInfo("ru-RU")) });

        Assert.Equal(changed, await DbAsync(db => db.RepairTypes.Where(t => t.Id == type.Id).Select(t => t.NormHours).SingleAsync()));
        var (before, after) = await ChangedByAsync(adminId, "RepairType", type.Id, "NormHours");
        Assert.Equal(type.NormHours, decimal.Parse(before!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(changed, decimal.Parse(after!, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task An_oil_added_and_then_deleted_leaves_both_with_its_values()
    {
        var (admin, adminId) = await AdminAsync();
        var list = await admin.SubmitAsync(await admin.GetAsync("/Admin/Oils/Edit"), "[data-testid=oil-form]", new Dictionary<string, string>
        {
            ["Input.Brand"] = "Лукойл Genesis",
            ["Input.Viscosity"] = "5w-40",
            ["Input.Price"] = "1 250,50",
        });
        var id = await DbAsync(db => db.Oils.Where(o => o.Brand == "Лукойл Genesis").Select(o => o.Id).SingleAsync());

        await admin.SubmitAsync(list, $"form[action='/Admin/Oils?id={id}&handler=Delete']");

        Assert.False(await DbAsync(db => db.Oils.AnyAsync(o => o.Id == id)));
        var entries = await TrailAsync("Oil", id);
        Assert.Equal([(AuditAction.Added, adminId), (AuditAction.Deleted, adminId)], entries.Select(e => (e.Action, e.ActorId)));
        static Dictionary<string, string?> Values(AuditEntry entry, bool before) =>
            entry.ReadChanges().ToDictionary(f => f.Key, f => before ? f.Value.BeforeText : f.Value.AfterText);
        var expected = new Dictionary<string, string?> { ["Brand"] = "Лукойл Genesis", ["Viscosity"] = "5W-40", ["PricePerLitre"] = "1250.50", ["IsActive"] = "true" };
        Assert.Equal(expected, Values(entries[0], before: false));
        Assert.Equal(expected, Values(entries[1], before: true));
        Assert.All(entries[1].ReadChanges().Values, f => Assert.Null(f.After));
    }

    private static string Text(decimal amount) => amount.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
}
