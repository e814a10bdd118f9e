using ServiceBooking.Domain.Common;

namespace ServiceBooking.Domain.Reports;

/// <summary>
/// The formulas of the reports (PRODUCT.md section I), as shop software reports them: the average repair order is the
/// money received over the orders done; a mechanic's efficiency is the norm-hours billed over the hours clocked on
/// orders, and productivity the hours clocked on orders over the hours on shift. A ratio with nothing to divide by is
/// none (shown as a dash), not zero.
/// </summary>
public static class ShopFigures
{
    public static Money? AverageOrder(decimal received, int ordersDone) =>
        ordersDone <= 0 ? null : Money.FromRoubles(Money.Round(received / ordersDone));

    /// <summary>Billed norm-hours ÷ hours clocked on orders: above 1 when the work took less than its norm.</summary>
    public static decimal? Efficiency(decimal billedHours, TimeSpan clockedOnOrders) =>
        Ratio(billedHours, (decimal)clockedOnOrders.TotalHours);

    /// <summary>Hours clocked on orders ÷ hours on shift: the share of the shift spent holding an order.</summary>
    public static decimal? Productivity(TimeSpan clockedOnOrders, TimeSpan onShift) =>
        Ratio((decimal)clockedOnOrders.TotalHours, (decimal)onShift.TotalHours);

    /// <summary>A share of a whole, as a fraction rounded to four places; none when the whole is nothing.</summary>
    public static decimal? Ratio(decimal part, decimal whole) =>
        whole <= 0m ? null : decimal.Round(part / whole, 4, MidpointRounding.AwayFromZero);
}
