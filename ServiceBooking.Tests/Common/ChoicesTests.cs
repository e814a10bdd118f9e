using ServiceBooking.Domain.Catalog;
using ServiceBooking.Domain.Common;
using static ServiceBooking.Tests.Catalog.Domain.CatalogBuilder;

namespace ServiceBooking.Tests.Common;

/// <summary>"Active, or the one already chosen", as an entity asks it and as a query filter (which must agree).</summary>
public class ChoicesTests
{
    private static bool Offered(Oil oil, int? currentId) => Choices.Offered<Oil>(currentId).Compile()(oil);

    private static bool Offered(CarModel model, params int[] currentIds) => Choices.Offered<CarModel>(currentIds).Compile()(model);

    [Fact]
    public void An_active_entry_may_be_chosen_whatever_is_chosen_now()
    {
        var oil = NewOil().WithId(1);

        Assert.True(Choices.MayChoose(oil, (Oil?)null));
        Assert.True(Choices.MayChoose(oil, NewOil().WithId(2)));
        Assert.True(Offered(oil, null));
        Assert.True(Offered(oil, 2));
    }

    [Fact]
    public void A_deactivated_entry_may_be_kept_by_the_entry_that_has_it_but_not_chosen_anew()
    {
        var old = NewOil(active: false).WithId(7);

        Assert.True(Choices.MayChoose(old, NewOil(active: false).WithId(7))); // the same row, loaded again
        Assert.False(Choices.MayChoose(old, NewOil().WithId(8)));
        Assert.False(Choices.MayChoose(old, (Oil?)null));
        Assert.True(Offered(old, 7));
        Assert.False(Offered(old, 8));
        Assert.False(Offered(old, null));
    }

    [Fact]
    public void An_unsaved_deactivated_entry_is_kept_only_by_the_very_same_object()
    {
        var old = NewOil(active: false);

        Assert.True(Choices.MayChoose(old, old));
        Assert.False(Choices.MayChoose(old, NewOil(active: false)));
    }

    [Fact]
    public void In_a_choice_of_several_deactivated_entries_stay_only_among_those_already_chosen()
    {
        var vesta = NewModel(name: "Lada Vesta").WithId(1);
        var nexia = NewModel(name: "Daewoo Nexia", active: false).WithId(2);

        Assert.True(Choices.MayChoose(nexia, [vesta, NewModel(name: "Daewoo Nexia").WithId(2)]));
        Assert.False(Choices.MayChoose(nexia, [vesta]));
        Assert.True(Choices.MayChoose(vesta, []));
        Assert.True(Offered(nexia, 1, 2));
        Assert.False(Offered(nexia, 1));
        Assert.True(Offered(vesta));
    }
}
