using ServiceBooking.Domain.Catalog;
using ServiceBooking.Domain.Common;

namespace ServiceBooking.Domain.Bookings;

/// <summary>The price as quoted when the visit was booked; later catalog changes do not touch it.</summary>
public sealed record BookedQuote(string RepairTypeName, Money Labour, Money Parts, Money Oil, Money Total)
{
    public static BookedQuote From(Quote quote) =>
        new(quote.RepairTypeName, quote.Labour, quote.PartsTotal, quote.Oil?.Amount ?? Money.Zero, quote.Total);
}
