using System.ComponentModel.DataAnnotations;

namespace ServiceBooking.Web.Modules.Bookings;

/// <summary>Configuration section <c>Booking</c>.</summary>
public sealed class BookingOptions
{
    public const string Section = "Booking";

    /// <summary>How many days ahead clients can book (today counts as day 0).</summary>
    [Range(1, 365)]
    public int HorizonDays { get; set; } = 60;

    /// <summary>
    /// How often a grid page asks whether its day changed while its live stream is down (a conditional request that
    /// costs a 304 when nothing did).
    /// </summary>
    [Range(1, 300)]
    public int FallbackPollSeconds { get; set; } = 5;
}
