using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServiceBooking.Domain.Catalog;
using ServiceBooking.Domain.Common;
using ServiceBooking.Tests.Infrastructure;
using ServiceBooking.Web.Platform.Data;
using static ServiceBooking.Tests.Catalog.Domain.CatalogBuilder;

namespace ServiceBooking.Tests.Common;

/// <summary>The Domain's rules as query filters, run by PostgreSQL: the rows the database returns are the ones the rule names.</summary>
public sealed class DomainQueriesTests(SiteFixture fixture) : SiteTest<SiteFixture>(fixture)
{
    private Task<T> WithDbAsync<T>(Func<ApplicationDbContext, Task<T>> action) =>
        WithServicesAsync(services => action(services.GetRequiredService<ApplicationDbContext>()));

    [Fact]
    public async Task The_choices_offered_are_the_active_entries_and_the_ones_already_chosen()
    {
        var (shell, mobil, castrol) = (NewOil("Shell Helix HX8"), NewOil("Mobil 1", active: false), NewOil("Castrol Edge", active: false));
        var vesta = NewModel(name: "Lada Vesta", engine: NewEngine(oil: shell));
        var (nexia, matiz) = (NewModel(name: "Daewoo Nexia", engine: vesta.Engine, active: false), NewModel(name: "Daewoo Matiz", engine: vesta.Engine, active: false));
        await WithDbAsync(db =>
        {
            db.AddRange(shell, mobil, castrol, vesta, nexia, matiz);
            return db.SaveChangesAsync();
        });

        Task<List<string>> OilsAsync(int? current) => WithDbAsync(db =>
            db.Oils.Where(Choices.Offered<Oil>(current)).OrderBy(o => o.Brand).Select(o => o.Brand).ToListAsync());
        Task<List<string>> ModelsAsync(params int[] current) => WithDbAsync(db =>
            db.CarModels.Where(Choices.Offered<CarModel>(current)).OrderBy(m => m.Name).Select(m => m.Name).ToListAsync());

        Assert.Equal(["Shell Helix HX8"], await OilsAsync(null));
        Assert.Equal(["Mobil 1", "Shell Helix HX8"], await OilsAsync(mobil.Id));
        Assert.Equal(["Shell Helix HX8"], await OilsAsync(shell.Id));
        Assert.Equal(["Lada Vesta"], await ModelsAsync());
        Assert.Equal(["Daewoo Nexia", "Lada Vesta"], await ModelsAsync(nexia.Id, vesta.Id));
    }

    [Fact]
    public async Task The_repair_types_a_car_is_offered_are_the_active_ones_for_any_model_or_for_its_own()
    {
        var rio = NewModel(name: "Kia Rio (IV)");
        var vesta = NewModel(name: "Lada Vesta", engine: rio.Engine);
        var rate = NewRate();
        var retired = new[] { NewRepairType("ТО-2", rate: rate, model: rio), NewRepairType("Старая диагностика", rate: rate) };
        Array.ForEach(retired, t => t.Deactivate());
        await WithDbAsync(db =>
        {
            db.AddRange(NewRepairType("Диагностика", rate: rate), NewRepairType("ТО-1", rate: rate, model: rio), NewRepairType("ТО-1", rate: rate, model: vesta));
            db.AddRange(retired);
            return db.SaveChangesAsync();
        });

        var offered = await WithDbAsync(db => db.RepairTypes.Where(RepairType.AvailableFor(rio.Id))
            .Select(t => t.Name + (t.CarModel == null ? "" : " " + t.CarModel.Name)).OrderBy(n => n).ToListAsync());
        var all = await WithDbAsync(db => db.RepairTypes.AsNoTracking().Include(t => t.CarModel).ToListAsync());
        var rioAgain = Assert.Single(all, t => t.CarModel?.Name == "Kia Rio (IV)" && t.IsActive).CarModel!;

        Assert.Equal(["Диагностика", "ТО-1 Kia Rio (IV)"], offered);
        Assert.Equal(
            all.Where(t => t.IsAvailableFor(rioAgain)).Select(t => t.Id).Order(),
            await WithDbAsync(db => db.RepairTypes.Where(RepairType.AvailableFor(rio.Id)).Select(t => t.Id).OrderBy(id => id).ToListAsync()));
    }
}
