using ServiceBooking.Domain.WorkOrders;

namespace ServiceBooking.Web.Modules.Bookings;

/// <summary>
/// The work orders of a client's account, for "My bookings". Kept by another module (work orders), which registers its
/// implementation; the page asks every one registered, so with none it lists bookings only.
/// </summary>
public interface IClientOrders
{
    /// <summary>The client's own orders (never another client's), newest first.</summary>
    Task<IReadOnlyList<ClientOrder>> ForClientAsync(string clientId, CancellationToken cancellationToken);
}

/// <summary>
/// A work order as its client may see it: its number, status and step, the car, when it was opened and closed (the
/// workshop's local time). Nothing internal: no sums, photos, comments or staff.
/// </summary>
public sealed record ClientOrder(
    int Id, string Number, WorkOrderStatus Status, ClientProgress Progress, string? Car, int? BookingId, DateTime OpenedAt, DateTime? ClosedAt);
