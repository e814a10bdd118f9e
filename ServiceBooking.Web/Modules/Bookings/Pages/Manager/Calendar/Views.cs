using ServiceBooking.Domain.Garage;
using ServiceBooking.Web.Platform.Data;

namespace ServiceBooking.Web.Modules.Bookings.Pages.Manager.Calendar;

/// <summary>
/// The desk's day: the grid with who booked what, live (it follows the day's stream, and polls every
/// <paramref name="PollSeconds"/> while the stream is down).
/// </summary>
public sealed record DeskDay(LiveGrid Grid, MonthView? Month, bool Oob, int PollSeconds);

/// <summary>The cell a panel is about.</summary>
public sealed record DeskSlot(DateOnly Date, TimeOnly Start, int AdvisorId, string AdvisorName);

public sealed record ClientResults(DeskSlot Slot, string Query, IReadOnlyList<ClientMatch> Clients);

public enum DeskPanelState
{
    Hidden,
    FindClient,
    Choose,
    Done,
    Refused,
    Booking,
    Deleted,
}

public sealed record DeskPanel(DeskPanelState State, DeskSlot Slot)
{
    public static DeskPanel Hidden { get; } = new(DeskPanelState.Hidden, new DeskSlot(default, default, 0, string.Empty));

    public ApplicationUser? Client { get; init; }

    public IReadOnlyList<Car> Cars { get; init; } = [];

    public int? CarId { get; init; }

    public IReadOnlyList<PricedRepairType> RepairTypes { get; init; } = [];

    public string? Message { get; init; }

    public ServiceBooking.Domain.Bookings.Booking? Booked { get; init; }

    public BookingSummary? Summary { get; init; }

    /// <summary>The booking's history (with <see cref="Summary"/>).</summary>
    public IReadOnlyList<BookingHistoryEvent> History { get; init; } = [];

    /// <summary>A fresh grid to send along (out of band) after a change.</summary>
    public DeskDay? Day { get; init; }
}
