using ServiceBooking.Domain.Common;
using static ServiceBooking.Tests.Catalog.Domain.CatalogBuilder;

namespace ServiceBooking.Tests.Common;

/// <summary>An entry in use is deactivated, not deleted.</summary>
public class RetirementTests
{
    [Fact]
    public void An_entry_nothing_uses_may_be_deleted()
    {
        var oil = NewOil();

        Assert.Equal(Removal.Delete, oil.Retire(uses: 0));
        Assert.True(oil.IsActive);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(40)]
    public void An_entry_in_use_is_deactivated_and_kept(int uses)
    {
        var advisor = NewAdvisor();

        Assert.Equal(Removal.Deactivate, advisor.Retire(uses));
        Assert.False(advisor.IsActive);
    }

    [Fact]
    public void A_deactivated_entry_in_use_stays_deactivated()
    {
        var model = NewModel(active: false);

        Assert.Equal(Removal.Deactivate, model.Retire(uses: 3));
        Assert.False(model.IsActive);
    }

    [Fact]
    public void A_negative_count_of_uses_is_a_programming_error()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => NewOil().Retire(uses: -1));
    }
}
