using ServiceBooking.Domain.Garage;

namespace ServiceBooking.Web.Modules.Bookings.Pages.Booking;

/// <summary>
/// The day grid fragment, live (it follows the day's stream, and polls every <paramref name="PollSeconds"/> while the
/// stream is down); with <see cref="Month"/> the calendar is refreshed too, out of band.
/// </summary>
public sealed record DayView(LiveGrid Grid, MonthView? Month, bool Oob, int PollSeconds);

public enum PanelState
{
    Hidden,
    Choose,
    Done,
    Refused,
}

/// <summary>The booking panel in each of its states.</summary>
public sealed record PanelView(
    PanelState State,
    DateOnly Date,
    TimeOnly Start,
    int AdvisorId,
    string AdvisorName,
    IReadOnlyList<Car> Cars,
    int? CarId,
    IReadOnlyList<PricedRepairType> RepairTypes,
    string? Message,
    Domain.Bookings.Booking? Booked)
{
    /// <summary>A fresh grid to send along (out of band), when the booking state changed.</summary>
    public DayView? Day { get; init; }

    public static PanelView Hidden { get; } = new(PanelState.Hidden, default, default, 0, string.Empty, [], null, [], null, null);

    public static PanelView Choose(DateOnly date, TimeOnly start, int advisorId, string advisor, IReadOnlyList<Car> cars, int? carId,
        IReadOnlyList<PricedRepairType> types, string? message) =>
        new(PanelState.Choose, date, start, advisorId, advisor, cars, carId, types, message, null);

    public static PanelView Done(DateOnly date, TimeOnly start, string advisor, Domain.Bookings.Booking booking) =>
        new(PanelState.Done, date, start, booking.AdvisorId, advisor, [], booking.CarId, [], null, booking);

    public static PanelView Refused(DateOnly date, TimeOnly start, string advisor, string message) =>
        new(PanelState.Refused, date, start, 0, advisor, [], null, [], message, null);
}
