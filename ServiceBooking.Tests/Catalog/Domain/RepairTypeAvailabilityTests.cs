using ServiceBooking.Domain.Catalog;
using static ServiceBooking.Tests.Catalog.Domain.CatalogBuilder;

namespace ServiceBooking.Tests.Catalog.Domain;

/// <summary>Which repair types a car can be booked for: active ones, for any model or for the car's model.</summary>
public class RepairTypeAvailabilityTests
{
    private static readonly CarModel Rio = NewModel(name: "Kia Rio (IV)").WithId(7);
    private static readonly CarModel Vesta = NewModel(name: "Lada Vesta").WithId(8);

    private static bool Query(RepairType type, CarModel model) => RepairType.AvailableFor(model.Id).Compile()(type);

    [Fact]
    public void An_active_type_for_any_model_is_available_for_every_car()
    {
        var type = NewRepairType(name: "Диагностика", model: null);

        Assert.True(type.IsAvailableFor(Rio));
        Assert.True(type.IsAvailableFor(Vesta));
        Assert.True(Query(type, Rio));
        Assert.True(Query(type, Vesta));
    }

    [Fact]
    public void An_active_type_for_one_model_is_available_only_for_cars_of_that_model()
    {
        var type = NewRepairType(model: Rio);

        Assert.True(type.IsAvailableFor(NewModel().WithId(7)));
        Assert.False(type.IsAvailableFor(Vesta));
        Assert.True(Query(type, Rio));
        Assert.False(Query(type, Vesta));
    }

    [Fact]
    public void A_deactivated_type_is_available_for_no_car_though_it_is_still_for_its_model()
    {
        var forRio = NewRepairType(model: Rio);
        var forAny = NewRepairType(name: "Диагностика", model: null);
        forRio.Deactivate();
        forAny.Deactivate();

        Assert.False(forRio.IsAvailableFor(Rio));
        Assert.False(forAny.IsAvailableFor(Vesta));
        Assert.False(Query(forRio, Rio));
        Assert.False(Query(forAny, Vesta));
        Assert.True(forRio.IsFor(Rio)); // a stored booking's price still needs it
    }
}
