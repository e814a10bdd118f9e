using ServiceBooking.Domain.Catalog;
using ServiceBooking.Domain.Common;
using static ServiceBooking.Tests.Catalog.Domain.CatalogBuilder;

namespace ServiceBooking.Tests.Catalog.Domain;

public class OilTests
{
    [Fact]
    public void A_new_oil_keeps_its_data_and_is_active()
    {
        var oil = new Oil("  Lukoil   Genesis ", "5W-30", Rub(890m));

        Assert.Equal("Lukoil Genesis", oil.Brand);
        Assert.Equal("5W-30", oil.Viscosity);
        Assert.Equal(Rub(890m), oil.PricePerLitre);
        Assert.Equal("Lukoil Genesis 5W-30", oil.Name);
        Assert.True(oil.IsActive);
    }

    [Theory]
    [InlineData("5W-30", "5W-30")]
    [InlineData("5w-30", "5W-30")]
    [InlineData(" 10w-40 ", "10W-40")]
    [InlineData("5 W - 30", "5W-30")]
    [InlineData("0W-20", "0W-20")]
    [InlineData("75W-90", "75W-90")]
    [InlineData("75w-140", "75W-140")]
    [InlineData("SAE30", "SAE30")]
    [InlineData("SAE 30", "SAE30")]
    [InlineData("sae 30", "SAE30")]
    [InlineData("SAE 140", "SAE140")]
    public void The_viscosity_is_normalised_to_an_SAE_grade(string input, string expected)
    {
        Assert.Equal(expected, NewOil(viscosity: input).Viscosity);
    }

    [Theory]
    [InlineData("5W30")]
    [InlineData("5W 30")]
    [InlineData("5W-3")]
    [InlineData("5W-3000")]
    [InlineData("W-30")]
    [InlineData("100W-30")]
    [InlineData("5X-30")]
    [InlineData("5W–30")] // en dash
    [InlineData("SAE")]
    [InlineData("SAE-30")]
    [InlineData("SAE 5")]
    [InlineData("SAE 1000")]
    [InlineData("30")]
    [InlineData("5W-30 synth")]
    [InlineData("synthetic")]
    public void A_viscosity_that_is_not_an_SAE_grade_is_refused(string input)
    {
        var error = Assert.Throws<DomainException>(() => NewOil(viscosity: input));

        Assert.Equal("Oil.ViscosityInvalid", error.Code);
    }

    [Theory]
    [InlineData("\u0665W-30")] // Arabic-Indic five
    [InlineData("５W-３０")] // full-width digits
    [InlineData("SAE\u0663\u0660")]
    public void A_viscosity_with_non_ascii_digits_is_not_an_SAE_grade(string input)
    {
        var error = Assert.Throws<DomainException>(() => NewOil(viscosity: input));

        Assert.Equal("Oil.ViscosityInvalid", error.Code);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_missing_viscosity_is_refused(string input)
    {
        var error = Assert.Throws<DomainException>(() => NewOil(viscosity: input));

        Assert.Equal("Oil.ViscosityRequired", error.Code);
    }

    [Fact]
    public void A_viscosity_longer_than_16_characters_is_refused()
    {
        var error = Assert.Throws<DomainException>(() => NewOil(viscosity: "5W-30 5W-30 5W-30"));

        Assert.Equal("Oil.ViscosityTooLong", error.Code);
        Assert.Equal([16], error.Arguments);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void A_missing_brand_is_refused(string brand)
    {
        var error = Assert.Throws<DomainException>(() => NewOil(brand: brand));

        Assert.Equal("Oil.BrandRequired", error.Code);
    }

    [Fact]
    public void A_brand_of_64_characters_is_accepted_and_65_refused()
    {
        Assert.Equal(new string('b', 64), NewOil(brand: new string('b', 64)).Brand);

        var error = Assert.Throws<DomainException>(() => NewOil(brand: new string('b', 65)));

        Assert.Equal("Oil.BrandTooLong", error.Code);
        Assert.Equal([Oil.MaxBrandLength], error.Arguments);
    }

    [Fact]
    public void A_free_oil_is_refused()
    {
        var error = Assert.Throws<DomainException>(() => NewOil(pricePerLitre: 0m));

        Assert.Equal("Oil.PriceRequired", error.Code);
    }

    [Fact]
    public void Update_replaces_the_data()
    {
        var oil = NewOil();

        oil.Update("Shell Helix", "0w-40", Rub(1250.5m));

        Assert.Equal("Shell Helix 0W-40", oil.Name);
        Assert.Equal(Rub(1250.5m), oil.PricePerLitre);
    }

    [Fact]
    public void An_oil_can_be_deactivated_and_activated_again()
    {
        var oil = NewOil();

        oil.Deactivate();
        Assert.False(oil.IsActive);

        oil.Activate();
        Assert.True(oil.IsActive);
    }
}
