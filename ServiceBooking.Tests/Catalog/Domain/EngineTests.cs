using ServiceBooking.Domain.Catalog;
using ServiceBooking.Domain.Common;
using static ServiceBooking.Tests.Catalog.Domain.CatalogBuilder;

namespace ServiceBooking.Tests.Catalog.Domain;

public class EngineTests
{
    [Fact]
    public void A_new_engine_keeps_its_data_and_is_active()
    {
        var oil = NewOil();

        var engine = new Engine("g4fc", oil, 4.2m, 1.6m);

        Assert.Equal("G4FC", engine.Code);
        Assert.Same(oil, engine.Oil);
        Assert.Equal(4.2m, engine.OilVolumeLitres);
        Assert.Equal(1.6m, engine.DisplacementLitres);
        Assert.True(engine.IsActive);
    }

    [Fact]
    public void The_engine_points_at_a_saved_oil_by_its_id()
    {
        var engine = NewEngine(oil: NewOil().WithId(12));

        Assert.Equal(12, engine.OilId);
    }

    [Theory]
    [InlineData("K4M-490", "K4M-490")]
    [InlineData("1.6 mpi", "1.6 MPI")]
    [InlineData("ВАЗ-21126", "ВАЗ-21126")]
    [InlineData("  cfna  ", "CFNA")]
    public void The_code_is_upper_case_letters_digits_hyphens_dots_and_spaces(string input, string expected)
    {
        Assert.Equal(expected, NewEngine(code: input).Code);
    }

    [Theory]
    [InlineData("G4FC/1")]
    [InlineData("G4_FC")]
    [InlineData("G4FC!")]
    [InlineData("G4FC (1.6)")]
    public void A_code_with_other_characters_is_refused(string input)
    {
        var error = Assert.Throws<DomainException>(() => NewEngine(code: input));

        Assert.Equal("Engine.CodeInvalid", error.Code);
    }

    [Fact]
    public void A_missing_code_is_refused()
    {
        var error = Assert.Throws<DomainException>(() => NewEngine(code: " "));

        Assert.Equal("Engine.CodeRequired", error.Code);
    }

    [Fact]
    public void A_code_longer_than_32_characters_is_refused()
    {
        var error = Assert.Throws<DomainException>(() => NewEngine(code: new string('A', 33)));

        Assert.Equal("Engine.CodeTooLong", error.Code);
        Assert.Equal([Engine.MaxCodeLength], error.Arguments);
    }

    [Fact]
    public void A_new_engine_cannot_use_an_inactive_oil()
    {
        var error = Assert.Throws<DomainException>(() => NewEngine(oil: NewOil(active: false)));

        Assert.Equal("Engine.OilInactive", error.Code);
    }

    [Fact]
    public void An_existing_engine_keeps_its_oil_after_the_oil_is_deactivated()
    {
        var oil = NewOil();
        var engine = NewEngine(oil: oil);
        oil.Deactivate();

        engine.Update("G4FD", oil, 4.5m, 1.6m);

        Assert.Same(oil, engine.Oil);
        Assert.Equal("G4FD", engine.Code);
    }

    [Fact]
    public void An_existing_engine_keeps_its_saved_oil_loaded_again_after_deactivation()
    {
        var engine = NewEngine(oil: NewOil().WithId(3));
        var sameOilLoadedAgain = NewOil(active: false).WithId(3);

        engine.Update("G4FC", sameOilLoadedAgain, 4.2m, 1.6m);

        Assert.Equal(3, engine.OilId);
    }

    [Fact]
    public void An_existing_engine_cannot_switch_to_another_inactive_oil()
    {
        var engine = NewEngine();

        var error = Assert.Throws<DomainException>(() => engine.Update("G4FC", NewOil(active: false), 4.2m, 1.6m));

        Assert.Equal("Engine.OilInactive", error.Code);
    }

    [Theory]
    [InlineData("0.5")]
    [InlineData("4.2")]
    [InlineData("30")]
    public void An_oil_volume_from_half_a_litre_to_30_litres_is_accepted(string litres)
    {
        Assert.Equal(Dec(litres), NewEngine(oilVolumeLitres: Dec(litres)).OilVolumeLitres);
    }

    [Theory]
    [InlineData("0.4")]
    [InlineData("30.1")]
    [InlineData("0")]
    [InlineData("-4")]
    public void An_oil_volume_outside_half_a_litre_to_30_litres_is_refused(string litres)
    {
        var error = Assert.Throws<DomainException>(() => NewEngine(oilVolumeLitres: Dec(litres)));

        Assert.Equal("Engine.OilVolumeOutOfRange", error.Code);
        Assert.Equal([0.5m, 30m], error.Arguments);
    }

    [Theory]
    [InlineData("4.125")]
    [InlineData("3.999")]
    public void An_oil_volume_has_two_decimals_at_most(string litres)
    {
        // Engine.OilVolumeLitres: "litres (two decimals at most: 4.25)" — manuals give volumes such as 4.25 l.
        var error = Assert.Throws<DomainException>(() => NewEngine(oilVolumeLitres: Dec(litres)));

        Assert.Equal("Engine.OilVolumeOutOfRange", error.Code);
    }

    [Theory]
    [InlineData("0.5")]
    [InlineData("1.6")]
    [InlineData("10")]
    public void A_displacement_from_half_a_litre_to_10_litres_is_accepted(string litres)
    {
        Assert.Equal(Dec(litres), NewEngine(displacementLitres: Dec(litres)).DisplacementLitres);
    }

    [Theory]
    [InlineData("0.4")]
    [InlineData("10.1")]
    [InlineData("1.65")]
    public void A_displacement_out_of_range_or_with_more_than_one_decimal_is_refused(string litres)
    {
        var error = Assert.Throws<DomainException>(() => NewEngine(displacementLitres: Dec(litres)));

        Assert.Equal("Engine.DisplacementOutOfRange", error.Code);
        Assert.Equal([0.5m, 10m], error.Arguments);
    }

    [Fact]
    public void An_engine_can_be_deactivated_and_activated_again()
    {
        var engine = NewEngine();

        engine.Deactivate();
        Assert.False(engine.IsActive);

        engine.Activate();
        Assert.True(engine.IsActive);
    }

    [Fact]
    public void An_oil_volume_of_a_quarter_litre_precision_is_accepted()
    {
        Assert.Equal(4.25m, NewEngine(oilVolumeLitres: 4.25m).OilVolumeLitres);
    }

    [Theory]
    [InlineData("G4FС", "G4FC")]
    [InlineData("К7М", "K7M")]
    [InlineData("ВАЗ-21129", "ВАЗ-21129")]
    [InlineData("BАЗ-21129", "ВАЗ-21129")]
    public void A_code_is_kept_in_one_alphabet(string typed, string stored)
    {
        Assert.Equal(stored, NewEngine(code: typed).Code);
    }
}
