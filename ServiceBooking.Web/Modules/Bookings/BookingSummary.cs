using ServiceBooking.Domain.Common;

namespace ServiceBooking.Web.Modules.Bookings;

/// <summary>What staff see of a booking in the grid and in its panel.</summary>
public sealed record BookingSummary(
    int Id,
    DateOnly Date,
    TimeOnly Start,
    string Advisor,
    string ClientName,
    string? Phone,
    string? Email,
    string CarModel,
    string Plate,
    string Work,
    Money Price);
