using ServiceBooking.Domain.Catalog;
using ServiceBooking.Domain.Common;
using static ServiceBooking.Tests.Catalog.Domain.CatalogBuilder;

namespace ServiceBooking.Tests.Catalog.Domain;

public class LabourRateTests
{
    [Theory]
    [InlineData(LabourKind.Diagnostics)]
    [InlineData(LabourKind.Maintenance)]
    [InlineData(LabourKind.ExtraEquipment)]
    public void A_new_rate_keeps_its_data_and_is_active(LabourKind kind)
    {
        var rate = new LabourRate(" Диагностика ", kind, Rub(1800m));

        Assert.Equal("Диагностика", rate.Name);
        Assert.Equal(kind, rate.Kind);
        Assert.Equal(Rub(1800m), rate.PricePerHour);
        Assert.True(rate.IsActive);
    }

    [Fact]
    public void A_missing_name_is_refused()
    {
        var error = Assert.Throws<DomainException>(() => NewRate(name: "  "));

        Assert.Equal("LabourRate.NameRequired", error.Code);
    }

    [Fact]
    public void A_name_longer_than_100_characters_is_refused()
    {
        var error = Assert.Throws<DomainException>(() => NewRate(name: new string('n', 101)));

        Assert.Equal("LabourRate.NameTooLong", error.Code);
        Assert.Equal([100], error.Arguments);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(3)]
    [InlineData(99)]
    public void An_unknown_kind_is_refused(int kind)
    {
        var error = Assert.Throws<DomainException>(() => NewRate(kind: (LabourKind)kind));

        Assert.Equal("LabourRate.KindInvalid", error.Code);
    }

    [Fact]
    public void A_free_labour_hour_is_refused()
    {
        var error = Assert.Throws<DomainException>(() => NewRate(pricePerHour: 0m));

        Assert.Equal("LabourRate.PriceRequired", error.Code);
    }

    [Fact]
    public void Update_replaces_the_data()
    {
        var rate = NewRate();

        rate.Update("Доп. оборудование", LabourKind.ExtraEquipment, Rub(3100m));

        Assert.Equal("Доп. оборудование", rate.Name);
        Assert.Equal(LabourKind.ExtraEquipment, rate.Kind);
        Assert.Equal(Rub(3100m), rate.PricePerHour);
    }

    [Fact]
    public void A_rate_can_be_deactivated_and_activated_again()
    {
        var rate = NewRate();

        rate.Deactivate();
        Assert.False(rate.IsActive);

        rate.Activate();
        Assert.True(rate.IsActive);
    }
}
