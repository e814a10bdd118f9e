using static ServiceBooking.Tests.Catalog.Domain.CatalogBuilder;

namespace ServiceBooking.Tests.Common;

public class EntityTests
{
    [Fact]
    public void A_new_entity_has_id_0()
    {
        Assert.Equal(0, NewOil().Id);
    }

    [Fact]
    public void Unsaved_entities_are_the_same_only_when_they_are_the_same_object()
    {
        var oil = NewOil();
        var twin = NewOil();

        Assert.True(oil.SameAs(oil));
        Assert.False(oil.SameAs(twin));
        Assert.False(twin.SameAs(oil));
    }

    [Fact]
    public void Saved_entities_with_the_same_id_and_type_are_the_same()
    {
        var loaded = NewOil().WithId(7);
        var loadedAgain = NewOil(brand: "Other").WithId(7);

        Assert.True(loaded.SameAs(loadedAgain));
        Assert.False(loaded.SameAs(NewOil().WithId(8)));
    }

    [Fact]
    public void Entities_of_different_types_are_never_the_same()
    {
        Assert.False(NewOil().WithId(1).SameAs(NewRate().WithId(1)));
    }

    [Fact]
    public void Nothing_is_the_same_as_null()
    {
        Assert.False(NewOil().SameAs(null));
        Assert.False(NewOil().WithId(1).SameAs(null));
    }
}
