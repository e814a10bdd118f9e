using ServiceBooking.Domain.Catalog;
using ServiceBooking.Domain.Common;
using static ServiceBooking.Tests.Catalog.Domain.CatalogBuilder;

namespace ServiceBooking.Tests.Catalog.Domain;

public class RepairTypeTests
{
    [Fact]
    public void A_new_type_keeps_its_data_is_active_and_has_no_parts()
    {
        var rate = NewRate().WithId(2);
        var rio = NewModel().WithId(9);

        var type = new RepairType(" ТО-1 ", 1.5m, rate, rio, includesOilChange: true);

        Assert.Equal("ТО-1", type.Name);
        Assert.Equal(1.5m, type.NormHours);
        Assert.Same(rate, type.LabourRate);
        Assert.Equal(2, type.LabourRateId);
        Assert.Same(rio, type.CarModel);
        Assert.Equal(9, type.CarModelId);
        Assert.True(type.IncludesOilChange);
        Assert.True(type.IsActive);
        Assert.Empty(type.Parts);
    }

    [Fact]
    public void A_type_without_a_model_is_for_any_model()
    {
        var type = NewRepairType(model: null);

        Assert.Null(type.CarModel);
        Assert.Null(type.CarModelId);
    }

    [Fact]
    public void A_missing_name_is_refused()
    {
        var error = Assert.Throws<DomainException>(() => NewRepairType(name: " "));

        Assert.Equal("RepairType.NameRequired", error.Code);
    }

    [Fact]
    public void A_name_longer_than_100_characters_is_refused()
    {
        var error = Assert.Throws<DomainException>(() => NewRepairType(name: new string('n', 101)));

        Assert.Equal("RepairType.NameTooLong", error.Code);
        Assert.Equal([100], error.Arguments);
    }

    [Theory]
    [InlineData("0.1")]
    [InlineData("0.25")]
    [InlineData("100")]
    public void Norm_hours_from_0_1_to_100_with_two_decimals_are_accepted(string hours)
    {
        Assert.Equal(Dec(hours), NewRepairType(normHours: Dec(hours)).NormHours);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("0.09")]
    [InlineData("100.01")]
    [InlineData("1.255")]
    public void Norm_hours_out_of_range_or_with_three_decimals_are_refused(string hours)
    {
        var error = Assert.Throws<DomainException>(() => NewRepairType(normHours: Dec(hours)));

        Assert.Equal("RepairType.NormHoursOutOfRange", error.Code);
        Assert.Equal([0.1m, RepairType.MaxNormHours], error.Arguments);
    }

    [Fact]
    public void A_new_type_cannot_use_an_inactive_labour_rate()
    {
        var error = Assert.Throws<DomainException>(() => NewRepairType(rate: NewRate(active: false)));

        Assert.Equal("RepairType.LabourRateInactive", error.Code);
    }

    [Fact]
    public void An_existing_type_keeps_its_labour_rate_after_the_rate_is_deactivated()
    {
        var rate = NewRate();
        var type = NewRepairType(rate: rate);
        rate.Deactivate();

        type.Update("ТО-1 (расширенное)", 2m, rate, null, includesOilChange: false);

        Assert.Same(rate, type.LabourRate);
        Assert.Equal(2m, type.NormHours);
        Assert.False(type.IncludesOilChange);
    }

    [Fact]
    public void An_existing_type_cannot_switch_to_another_inactive_labour_rate()
    {
        var type = NewRepairType();

        var error = Assert.Throws<DomainException>(() => type.Update("ТО-1", 1.5m, NewRate(active: false), null, true));

        Assert.Equal("RepairType.LabourRateInactive", error.Code);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(100)]
    public void A_part_quantity_from_1_to_100_is_accepted(int quantity)
    {
        var filter = NewPart();
        var type = NewRepairType();

        type.SetParts([(filter, quantity)]);

        var line = Assert.Single(type.Parts);
        Assert.Same(filter, line.Part);
        Assert.Equal(quantity, line.Quantity);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(101)]
    public void A_part_quantity_outside_1_to_100_is_refused(int quantity)
    {
        var type = NewRepairType();

        var error = Assert.Throws<DomainException>(() => type.SetParts([(NewPart(), quantity)]));

        Assert.Equal("RepairType.PartQuantityOutOfRange", error.Code);
        Assert.Equal([1, 100], error.Arguments);
    }

    [Fact]
    public void The_same_part_twice_is_refused()
    {
        var filter = NewPart();
        var type = NewRepairType();

        var error = Assert.Throws<DomainException>(() => type.SetParts([(filter, 1), (NewPart(name: "Свеча"), 4), (filter, 2)]));

        Assert.Equal("RepairType.PartTwice", error.Code);
    }

    [Fact]
    public void The_same_saved_part_loaded_twice_is_refused()
    {
        var type = NewRepairType();

        var error = Assert.Throws<DomainException>(() => type.SetParts([(NewPart().WithId(4), 1), (NewPart().WithId(4), 1)]));

        Assert.Equal("RepairType.PartTwice", error.Code);
    }

    [Fact]
    public void Two_different_parts_with_the_same_name_are_both_kept()
    {
        var type = NewRepairType();

        type.SetParts([(NewPart(), 1), (NewPart(), 1)]);

        Assert.Equal(2, type.Parts.Count);
    }

    [Fact]
    public void A_part_that_does_not_fit_the_types_model_is_refused_and_both_are_named()
    {
        var rio = NewModel(name: "Kia Rio (IV)");
        var solaris = NewModel(name: "Hyundai Solaris (II)");
        var type = NewRepairType(model: rio);

        var error = Assert.Throws<DomainException>(() => type.SetParts([
            (NewPart(name: "Фильтр Kia", fits: [rio]), 1),
            (NewPart(name: "Фильтр Hyundai", fits: [solaris]), 1),
        ]));

        Assert.Equal("RepairType.PartDoesNotFit", error.Code);
        Assert.Equal(["Фильтр Hyundai", "Kia Rio (IV)"], error.Arguments);
    }

    [Fact]
    public void A_type_for_any_model_takes_any_part()
    {
        var type = NewRepairType(model: null);

        type.SetParts([(NewPart(fits: []), 1), (NewPart(name: "Свеча", fits: [NewModel()]), 4)]);

        Assert.Equal(2, type.Parts.Count);
    }

    [Fact]
    public void SetParts_replaces_the_whole_list()
    {
        var filter = NewPart();
        var plug = NewPart(name: "Свеча зажигания", price: 390m);
        var type = NewRepairType(parts: [(filter, 1)]);

        type.SetParts([(plug, 4)]);

        var line = Assert.Single(type.Parts);
        Assert.Same(plug, line.Part);
        Assert.Equal(4, line.Quantity);

        type.SetParts([]);

        Assert.Empty(type.Parts);
    }

    [Fact]
    public void A_refused_parts_list_leaves_the_old_list_in_place()
    {
        var filter = NewPart();
        var type = NewRepairType(parts: [(filter, 1)]);

        Assert.Throws<DomainException>(() => type.SetParts([(NewPart(), 0)]));

        var line = Assert.Single(type.Parts);
        Assert.Same(filter, line.Part);
    }

    [Fact]
    public void Moving_a_type_to_a_model_its_parts_do_not_fit_is_refused()
    {
        var rio = NewModel();
        var solaris = NewModel(name: "Hyundai Solaris (II)");
        var type = NewRepairType(model: rio, parts: [(NewPart(name: "Фильтр Kia", fits: [rio]), 1)]);

        var error = Assert.Throws<DomainException>(() => type.Update("ТО-1", 1.5m, type.LabourRate, solaris, true));

        Assert.Equal("RepairType.PartDoesNotFit", error.Code);
        Assert.Equal(["Фильтр Kia", "Hyundai Solaris (II)"], error.Arguments);
    }

    [Fact]
    public void A_refused_move_to_another_model_leaves_every_part_fitting_the_types_model()
    {
        // RepairType: each part "fitting the model when the type has one" must still hold after a refused Update.
        var rio = NewModel();
        var solaris = NewModel(name: "Hyundai Solaris (II)");
        var type = NewRepairType(name: "ТО-1", normHours: 1.5m, model: rio, parts: [(NewPart(name: "Фильтр Kia", fits: [rio]), 1)]);

        Assert.Throws<DomainException>(() => type.Update("ТО-2", 3m, type.LabourRate, solaris, false));

        Assert.All(type.Parts, line => Assert.True(line.Part.FitsModel(type.CarModel!), $"{line.Part.Name} does not fit {type.CarModel!.Name}"));
        Assert.Same(rio, type.CarModel);
        Assert.Equal("ТО-1", type.Name);
        Assert.Equal(1.5m, type.NormHours);
    }

    [Fact]
    public void A_type_for_any_model_is_for_every_model()
    {
        var type = NewRepairType(model: null);

        Assert.True(type.IsFor(NewModel()));
        Assert.True(type.IsFor(NewModel(name: "Hyundai Solaris (II)").WithId(3)));
    }

    [Fact]
    public void A_model_specific_type_is_only_for_its_model()
    {
        var rio = NewModel();
        var type = NewRepairType(model: rio);

        Assert.True(type.IsFor(rio));
        Assert.False(type.IsFor(NewModel(name: "Hyundai Solaris (II)")));
        Assert.False(type.IsFor(NewModel(name: "Kia Rio (IV)"))); // an unsaved look-alike is another model
    }

    [Fact]
    public void A_model_specific_type_is_for_its_saved_model_loaded_again()
    {
        var type = NewRepairType(model: NewModel().WithId(7));

        Assert.True(type.IsFor(NewModel().WithId(7)));
        Assert.False(type.IsFor(NewModel().WithId(8)));
    }

    [Fact]
    public void A_type_can_be_deactivated_and_activated_again()
    {
        var type = NewRepairType();

        type.Deactivate();
        Assert.False(type.IsActive);

        type.Activate();
        Assert.True(type.IsActive);
    }
}
