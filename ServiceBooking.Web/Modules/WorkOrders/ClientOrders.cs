using Microsoft.EntityFrameworkCore;
using ServiceBooking.Domain.WorkOrders;
using ServiceBooking.Web.Modules.Bookings;
using ServiceBooking.Web.Platform;
using ServiceBooking.Web.Platform.Data;

namespace ServiceBooking.Web.Modules.WorkOrders;

/// <summary>
/// A client's view of their work orders, for "My bookings" (<see cref="IClientOrders"/>): only the orders linked to their
/// account, with what a client may know of them (<see cref="ClientProgress"/>); no sums, photos, comments or staff.
/// </summary>
public sealed class ClientOrders(ApplicationDbContext db, WorkshopClock clock) : IClientOrders
{
    public async Task<IReadOnlyList<ClientOrder>> ForClientAsync(string clientId, CancellationToken cancellationToken)
    {
        var orders = await db.WorkOrders.AsNoTracking().Include(o => o.Submissions)
            .Where(o => o.ClientId == clientId)
            .OrderByDescending(o => o.CreatedAt).ThenByDescending(o => o.Id)
            .ToListAsync(cancellationToken);
        var carIds = orders.Select(o => o.CarId).OfType<int>().Distinct().ToList();
        var cars = await db.Cars.AsNoTracking().Where(c => carIds.Contains(c.Id))
            .Select(c => new { c.Id, Model = c.Model.Name, c.Plate })
            .ToDictionaryAsync(c => c.Id, c => $"{c.Model}, {c.Plate.Display}", cancellationToken);
        return [.. orders.Select(o => new ClientOrder(
            o.Id, o.Number.ToString(), o.Status, ClientProgress.Of(o), o.CarId is { } car ? cars.GetValueOrDefault(car) : null, o.BookingId,
            Local(o.CreatedAt), o.ClosedAt is { } closed ? Local(closed) : null))];
    }

    private DateTime Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, clock.Zone).DateTime;
}
