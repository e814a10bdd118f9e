using ServiceBooking.Domain.Catalog;
using ServiceBooking.Domain.Common;
using static ServiceBooking.Tests.Catalog.Domain.CatalogBuilder;

namespace ServiceBooking.Tests.Catalog.Domain;

public class CarModelTests
{
    [Fact]
    public void A_new_model_keeps_its_data_is_active_and_has_no_picture()
    {
        var engine = NewEngine().WithId(5);

        var model = new CarModel(" Kia  Rio (IV) ", 1.15m, engine);

        Assert.Equal("Kia Rio (IV)", model.Name);
        Assert.Equal(1.15m, model.Coefficient);
        Assert.Same(engine, model.Engine);
        Assert.Equal(5, model.EngineId);
        Assert.Null(model.Picture);
        Assert.True(model.IsActive);
    }

    [Fact]
    public void A_missing_name_is_refused()
    {
        var error = Assert.Throws<DomainException>(() => NewModel(name: ""));

        Assert.Equal("CarModel.NameRequired", error.Code);
    }

    [Fact]
    public void A_name_longer_than_100_characters_is_refused()
    {
        Assert.Equal(100, NewModel(name: new string('n', 100)).Name.Length);

        var error = Assert.Throws<DomainException>(() => NewModel(name: new string('n', 101)));

        Assert.Equal("CarModel.NameTooLong", error.Code);
        Assert.Equal([CarModel.MaxNameLength], error.Arguments);
    }

    [Theory]
    [InlineData("0.5")]
    [InlineData("1")]
    [InlineData("1.15")]
    [InlineData("5")]
    public void A_coefficient_from_0_5_to_5_with_two_decimals_is_accepted(string coefficient)
    {
        Assert.Equal(Dec(coefficient), NewModel(coefficient: Dec(coefficient)).Coefficient);
    }

    [Theory]
    [InlineData("0.49")]
    [InlineData("5.01")]
    [InlineData("0")]
    [InlineData("1.155")]
    public void A_coefficient_out_of_range_or_with_three_decimals_is_refused(string coefficient)
    {
        var error = Assert.Throws<DomainException>(() => NewModel(coefficient: Dec(coefficient)));

        Assert.Equal("CarModel.CoefficientOutOfRange", error.Code);
        Assert.Equal([CarModel.MinCoefficient, CarModel.MaxCoefficient], error.Arguments);
    }

    [Fact]
    public void A_new_model_cannot_use_an_inactive_engine()
    {
        var error = Assert.Throws<DomainException>(() => NewModel(engine: NewEngine(active: false)));

        Assert.Equal("CarModel.EngineInactive", error.Code);
    }

    [Fact]
    public void An_existing_model_keeps_its_engine_after_the_engine_is_deactivated()
    {
        var engine = NewEngine();
        var model = NewModel(engine: engine);
        engine.Deactivate();

        model.Update("Kia Rio (IV) рестайлинг", 1.2m, engine);

        Assert.Same(engine, model.Engine);
        Assert.Equal("Kia Rio (IV) рестайлинг", model.Name);
        Assert.Equal(1.2m, model.Coefficient);
    }

    [Fact]
    public void An_existing_model_cannot_switch_to_another_inactive_engine()
    {
        var model = NewModel();

        var error = Assert.Throws<DomainException>(() => model.Update("Kia Rio (IV)", 1m, NewEngine(active: false)));

        Assert.Equal("CarModel.EngineInactive", error.Code);
    }

    [Fact]
    public void A_picture_is_a_stored_file_name()
    {
        var model = NewModel();

        model.SetPicture(" kia-rio-4.jpg ");

        Assert.Equal("kia-rio-4.jpg", model.Picture);
    }

    [Fact]
    public void A_picture_file_name_is_required_and_at_most_200_characters()
    {
        var model = NewModel();

        Assert.Equal("CarModel.PictureRequired", Assert.Throws<DomainException>(() => model.SetPicture(" ")).Code);
        var tooLong = Assert.Throws<DomainException>(() => model.SetPicture(new string('p', 201)));
        Assert.Equal("CarModel.PictureTooLong", tooLong.Code);
        Assert.Equal([200], tooLong.Arguments);
    }

    [Fact]
    public void A_model_can_be_deactivated_and_activated_again()
    {
        var model = NewModel();

        model.Deactivate();
        Assert.False(model.IsActive);

        model.Activate();
        Assert.True(model.IsActive);
    }
}
