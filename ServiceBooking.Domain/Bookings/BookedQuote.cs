using ServiceBooking.Domain.Catalog;
using ServiceBooking.Domain.Common;

namespace ServiceBooking.Domain.Bookings;

/// <summary>
/// The price as quoted when the visit was booked; later catalog changes do not touch it. <see cref="NormHours"/> are the
/// hours the labour was priced for (the work's norm-hours times the model's coefficient): what a mechanic is credited
/// with when the order is done.
/// </summary>
public sealed record BookedQuote(string RepairTypeName, Money Labour, Money Parts, Money Oil, Money Total, decimal NormHours)
{
    public static BookedQuote From(Quote quote) =>
        new(quote.RepairTypeName, quote.Labour, quote.PartsTotal, quote.Oil?.Amount ?? Money.Zero, quote.Total, quote.BilledHours);
}
