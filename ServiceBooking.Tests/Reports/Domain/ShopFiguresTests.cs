using ServiceBooking.Domain.Reports;

namespace ServiceBooking.Tests.Reports.Domain;

/// <summary>The formulas, as shop software has them: average repair order, efficiency, productivity.</summary>
public sealed class ShopFiguresTests
{
    [Fact]
    public void The_average_repair_order_is_the_money_received_over_the_orders_done_and_none_without_orders()
    {
        Assert.Equal(3333.33m, ShopFigures.AverageOrder(10000m, 3)!.Value.Amount);
        Assert.Null(ShopFigures.AverageOrder(10000m, 0));
    }

    [Fact]
    public void Efficiency_is_the_norm_hours_billed_over_the_hours_held()
    {
        // 6 norm-hours done in 4 hours: 150 %; 2 in 4: 50 %
        Assert.Equal(1.5m, ShopFigures.Efficiency(6m, TimeSpan.FromHours(4)));
        Assert.Equal(0.5m, ShopFigures.Efficiency(2m, TimeSpan.FromHours(4)));
        Assert.Equal(0m, ShopFigures.Efficiency(0m, TimeSpan.FromHours(4)));
        Assert.Null(ShopFigures.Efficiency(3m, TimeSpan.Zero));
    }

    [Fact]
    public void Productivity_is_the_hours_held_over_the_hours_on_shift()
    {
        Assert.Equal(0.3333m, ShopFigures.Productivity(TimeSpan.FromHours(3), TimeSpan.FromHours(9)));
        Assert.Equal(1m, ShopFigures.Productivity(TimeSpan.FromHours(8), TimeSpan.FromHours(8)));
        Assert.Null(ShopFigures.Productivity(TimeSpan.FromHours(1), TimeSpan.Zero));
    }

    [Fact]
    public void A_ratio_is_rounded_to_four_places_half_away_from_zero()
    {
        Assert.Equal(0.6667m, ShopFigures.Ratio(2m, 3m));
        Assert.Equal(0.0001m, ShopFigures.Ratio(1m, 20000m)); // 0.00005
        Assert.Null(ShopFigures.Ratio(1m, -1m));
    }
}
