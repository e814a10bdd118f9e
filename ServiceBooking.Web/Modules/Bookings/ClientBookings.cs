using Microsoft.EntityFrameworkCore;
using ServiceBooking.Domain.Bookings;
using ServiceBooking.Domain.Common;
using ServiceBooking.Web.Platform;
using ServiceBooking.Web.Platform.Data;

namespace ServiceBooking.Web.Modules.Bookings;

/// <summary>
/// A client's own bookings (/Booking/My): upcoming ones first, then past and cancelled ones, each with its history and
/// the work order opened from it when the car arrived; then the client's orders that come from no booking (a call).
/// </summary>
public sealed class ClientBookings(ApplicationDbContext db, BookingHistory history, WorkshopClock clock, IEnumerable<IClientOrders> orders)
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
        var clientOrders = new List<ClientOrder>();
        foreach (var source in orders)
        {
            clientOrders.AddRange(await source.ForClientAsync(clientId, cancellationToken));
        }

        var ofBooking = clientOrders.Where(o => o.BookingId is not null).ToLookup(o => o.BookingId!.Value);
        bookings = [.. bookings.Select(b => b with { History = histories.GetValueOrDefault(b.Id, []), Order = ofBooking[b.Id].FirstOrDefault() })];
        // Upcoming: active and not yet begun, so still cancellable (BookingRules decide when a cancellation is refused).
        var upcoming = bookings.Where(b => b.Status == BookingStatus.Active && b.Date.ToDateTime(b.Start) > now).ToList();
        var earlier = bookings.Except(upcoming).OrderByDescending(b => b.Date).ThenByDescending(b => b.Start).ToList();
        var listed = bookings.Select(b => b.Id).ToHashSet();
        return new ClientBookingList(upcoming, earlier, [.. clientOrders.Where(o => o.BookingId is not { } id || !listed.Contains(id))]);
    }
}

/// <summary>The client's bookings, and their work orders that belong to none of them (opened for a call or a walk-in).</summary>
public sealed record ClientBookingList(IReadOnlyList<MyBooking> Upcoming, IReadOnlyList<MyBooking> Earlier, IReadOnlyList<ClientOrder> OtherOrders);

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

    /// <summary>The work order opened from this booking when the car arrived (the database allows one per booking).</summary>
    public ClientOrder? Order { get; init; }
}
