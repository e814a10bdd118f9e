using Microsoft.EntityFrameworkCore;
using ServiceBooking.Domain.Bookings;
using ServiceBooking.Domain.Common;
using ServiceBooking.Web.Platform;
using ServiceBooking.Web.Platform.Data;

namespace ServiceBooking.Web.Modules.Bookings;

/// <summary>A client's own bookings (/Booking/My): upcoming ones first, then past and cancelled ones, each with its history.</summary>
public sealed class ClientBookings(ApplicationDbContext db, BookingHistory history, WorkshopClock clock)
{
    public async Task<ClientBookingList> ListAsync(string clientId, CancellationToken cancellationToken)
    {
        var now = clock.LocalNow;
        var bookings = await db.Bookings.AsNoTracking()
            .Where(b => b.ClientId == clientId)
            .OrderBy(b => b.Date).ThenBy(b => b.Start)
            .Select(b => new MyBooking(
                b.Id, b.Date, b.Start,
                BookingCalendar.ShortName(b.Advisor.LastName, b.Advisor.FirstName, b.Advisor.Patronymic),
                b.Car.Model.Name, b.Car.Plate.Value, b.Quote.RepairTypeName, b.Quote.Total, b.Status, b.CancelledByStaff, b.CancellationReason))
            .ToListAsync(cancellationToken);
        var histories = await history.ForClientAsync(clientId, [.. bookings.Select(b => b.Id)], cancellationToken);
        bookings = [.. bookings.Select(b => b with { History = histories.GetValueOrDefault(b.Id, []) })];
        // Upcoming: active and not yet begun, so still cancellable (BookingRules decide when a cancellation is refused).
        var upcoming = bookings.Where(b => b.Status == BookingStatus.Active && b.Date.ToDateTime(b.Start) > now).ToList();
        var earlier = bookings.Except(upcoming).OrderByDescending(b => b.Date).ThenByDescending(b => b.Start).ToList();
        return new ClientBookingList(upcoming, earlier);
    }
}

public sealed record ClientBookingList(IReadOnlyList<MyBooking> Upcoming, IReadOnlyList<MyBooking> Earlier);

public sealed record MyBooking(
    int Id,
    DateOnly Date,
    TimeOnly Start,
    string Advisor,
    string CarModel,
    string Plate,
    string Work,
    Money Price,
    BookingStatus Status,
    bool CancelledByStaff,
    string? CancellationReason)
{
    /// <summary>What the client may see of the booking's history (made, moved, cancelled; no staff names).</summary>
    public IReadOnlyList<BookingHistoryEvent> History { get; init; } = [];
}
