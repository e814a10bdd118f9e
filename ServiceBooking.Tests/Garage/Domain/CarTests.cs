using ServiceBooking.Domain.Common;
using ServiceBooking.Domain.Garage;
using static ServiceBooking.Tests.Catalog.Domain.CatalogBuilder;

namespace ServiceBooking.Tests.Garage.Domain;

public class CarTests
{
    private const string Owner = "0b6f4a8e-6c1d-4f3a-9a57-2f1c8d2e7b10";

    private static readonly DateOnly Today = new(2025, 6, 15);

    [Fact]
    public void A_registered_car_keeps_its_details_and_owner_and_is_active()
    {
        var rio = NewModel().WithId(4);
        var details = NewCarDetails(model: rio, mileage: 45_000, saleDate: new DateOnly(2019, 5, 20));

        var car = Car.Register(Owner, details, Today);

        Assert.Equal(Owner, car.OwnerId);
        Assert.Equal(Vin.Parse("XTA21099043576182"), car.Vin);
        Assert.Equal(PlateNumber.Parse("А123ВС77"), car.Plate);
        Assert.Equal(RegistrationCertificateNumber.Parse("77 УА 123456"), car.Certificate);
        Assert.Equal(new DateOnly(2019, 5, 20), car.SaleDate);
        Assert.Equal(45_000, car.Mileage.Kilometres);
        Assert.Same(rio, car.Model);
        Assert.Equal(4, car.ModelId);
        Assert.True(car.IsActive);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_car_without_an_owner_is_refused(string ownerId)
    {
        var error = Assert.Throws<DomainException>(() => Car.Register(ownerId, NewCarDetails(), Today));

        Assert.Equal("Car.OwnerRequired", error.Code);
    }

    [Fact]
    public void A_car_sold_today_is_accepted()
    {
        Assert.Equal(Today, Car.Register(Owner, NewCarDetails(saleDate: Today), Today).SaleDate);
    }

    [Fact]
    public void A_sale_date_in_the_future_is_refused()
    {
        var error = Assert.Throws<DomainException>(() => Car.Register(Owner, NewCarDetails(saleDate: Today.AddDays(1)), Today));

        Assert.Equal("Car.SaleDateInFuture", error.Code);
    }

    [Fact]
    public void A_car_sold_on_1_January_1950_is_accepted()
    {
        var car = Car.Register(Owner, NewCarDetails(saleDate: new DateOnly(1950, 1, 1)), Today);

        Assert.Equal(Car.EarliestSaleDate, car.SaleDate);
    }

    [Fact]
    public void A_sale_date_before_1950_is_refused_and_names_the_earliest_date()
    {
        var error = Assert.Throws<DomainException>(() => Car.Register(Owner, NewCarDetails(saleDate: new DateOnly(1949, 12, 31)), Today));

        Assert.Equal("Car.SaleDateTooEarly", error.Code);
        Assert.Equal([new DateOnly(1950, 1, 1)], error.Arguments);
    }

    [Fact]
    public void A_new_car_cannot_be_of_an_inactive_model()
    {
        var error = Assert.Throws<DomainException>(() => Car.Register(Owner, NewCarDetails(model: NewModel(active: false)), Today));

        Assert.Equal("Car.ModelInactive", error.Code);
    }

    [Fact]
    public void A_car_keeps_its_model_on_edit_after_the_model_is_deactivated()
    {
        var rio = NewModel();
        var car = Car.Register(Owner, NewCarDetails(model: rio, mileage: 45_000), Today);
        rio.Deactivate();

        car.Edit(NewCarDetails(model: rio, mileage: 46_000, plate: "В456ОР199"), Today, mileageDecreaseConfirmed: false);

        Assert.Same(rio, car.Model);
        Assert.Equal("В456ОР199", car.Plate.Value);
        Assert.Equal(46_000, car.Mileage.Kilometres);
    }

    [Fact]
    public void A_car_keeps_its_saved_model_loaded_again_after_the_model_is_deactivated()
    {
        var car = Car.Register(Owner, NewCarDetails(model: NewModel().WithId(4)), Today);

        car.Edit(NewCarDetails(model: NewModel(active: false).WithId(4)), Today, mileageDecreaseConfirmed: false);

        Assert.Equal(4, car.ModelId);
    }

    [Fact]
    public void A_car_cannot_be_moved_to_another_inactive_model()
    {
        var car = Car.Register(Owner, NewCarDetails(), Today);

        var error = Assert.Throws<DomainException>(() =>
            car.Edit(NewCarDetails(model: NewModel(name: "Lada 2109", active: false)), Today, mileageDecreaseConfirmed: false));

        Assert.Equal("Car.ModelInactive", error.Code);
    }

    [Fact]
    public void Edit_with_a_lower_mileage_is_refused_without_confirmation_and_changes_nothing()
    {
        var car = Car.Register(Owner, NewCarDetails(mileage: 45_000), Today);

        var error = Assert.Throws<DomainException>(() =>
            car.Edit(NewCarDetails(mileage: 4_500, plate: "В456ОР199"), Today, mileageDecreaseConfirmed: false));

        Assert.Equal("Mileage.Decreased", error.Code);
        Assert.Equal([45_000], error.Arguments);
        Assert.Equal(45_000, car.Mileage.Kilometres);
        Assert.Equal("А123ВС77", car.Plate.Value);
    }

    [Fact]
    public void The_workshop_records_the_mileage_read_at_arrival_but_never_a_lower_one()
    {
        var car = Car.Register(Owner, NewCarDetails(mileage: 45_000), Today);

        car.RecordMileage(Mileage.FromKilometres(47_300));
        var lower = Assert.Throws<DomainException>(() => car.RecordMileage(Mileage.FromKilometres(47_000)));

        Assert.Equal(("Car.MileageBelowRecorded", 47_300, 47_300), (lower.Code, lower.Arguments[0], car.Mileage.Kilometres));
        car.Remove(upcomingBookings: 0);
        Assert.Equal("Car.Removed", Assert.Throws<DomainException>(() => car.RecordMileage(Mileage.FromKilometres(48_000))).Code);
    }

    [Fact]
    public void Edit_with_a_lower_mileage_is_accepted_when_confirmed()
    {
        var car = Car.Register(Owner, NewCarDetails(mileage: 45_000), Today);

        car.Edit(NewCarDetails(mileage: 4_500), Today, mileageDecreaseConfirmed: true);

        Assert.Equal(4_500, car.Mileage.Kilometres);
    }

    [Fact]
    public void A_refused_edit_changes_nothing()
    {
        var car = Car.Register(Owner, NewCarDetails(mileage: 45_000), Today);

        Assert.Throws<DomainException>(() =>
            car.Edit(NewCarDetails(mileage: 50_000, plate: "В456ОР199", saleDate: Today.AddDays(1)), Today, mileageDecreaseConfirmed: false));

        Assert.Equal(45_000, car.Mileage.Kilometres);
        Assert.Equal("А123ВС77", car.Plate.Value);
        Assert.Equal(new DateOnly(2019, 5, 20), car.SaleDate);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void A_car_with_upcoming_bookings_cannot_be_removed_and_the_count_is_named(int upcoming)
    {
        var car = Car.Register(Owner, NewCarDetails(), Today);

        var error = Assert.Throws<DomainException>(() => car.Remove(upcoming));

        Assert.Equal("Car.HasUpcomingBookings", error.Code);
        Assert.Equal([upcoming], error.Arguments);
        Assert.True(car.IsActive);
    }

    [Fact]
    public void A_removed_car_is_kept_but_inactive()
    {
        var car = Car.Register(Owner, NewCarDetails(), Today);

        car.Remove(upcomingBookings: 0);

        Assert.False(car.IsActive);
        Assert.Equal("XTA21099043576182", car.Vin.Value);
    }

    [Fact]
    public void A_removed_car_cannot_be_edited()
    {
        var car = Car.Register(Owner, NewCarDetails(), Today);
        car.Remove(upcomingBookings: 0);

        var error = Assert.Throws<DomainException>(() => car.Edit(NewCarDetails(), Today, mileageDecreaseConfirmed: false));

        Assert.Equal("Car.Removed", error.Code);
    }

    [Fact]
    public void A_car_is_owned_only_by_the_user_who_registered_it()
    {
        var car = Car.Register(Owner, NewCarDetails(), Today);

        Assert.True(car.IsOwnedBy(Owner));
        Assert.False(car.IsOwnedBy("5d2c9b1a-0000-4000-8000-000000000000"));
        Assert.False(car.IsOwnedBy(string.Empty));
        Assert.False(car.IsOwnedBy(Owner.ToUpperInvariant()));
    }
}
