using Microsoft.EntityFrameworkCore;
using ServiceBooking.Domain.Garage;
using ServiceBooking.Domain.WorkOrders;
using ServiceBooking.Web.Platform.Data;

namespace ServiceBooking.Web.Modules.WorkOrders;

/// <summary>An order in the shop, as its queue shows it; <see cref="ClaimedBy"/> null while nobody has taken it.</summary>
public sealed record ShopQueueRow(
    int Id, OrderNumber Number, string? Car, string Problem, DateOnly DueDate, int Priority, string Photo, string? ClaimedById, string? ClaimedBy);

/// <summary>
/// The in-shop queue at <c>/Workshop</c>: the orders whose in-shop stage was approved and whose shop work is not filed
/// yet, by priority (1 first), then due date, then number.
/// </summary>
public sealed class ShopQueue(ApplicationDbContext db)
{
    public async Task<IReadOnlyList<ShopQueueRow>> ListAsync(CancellationToken cancellationToken)
    {
        var rows = await (from o in db.WorkOrders.AsNoTracking()
                          where o.ShopFiledAt == null && o.Status == WorkOrderStatus.InProgress
                          let s = o.Submissions.Where(s => s.Kind == StageKind.InShop && s.State == SubmissionState.Approved).OrderByDescending(s => s.Id).FirstOrDefault()
                          where s != null
                          join c in db.Cars on o.CarId equals c.Id into cars
                          from c in cars.DefaultIfEmpty()
                          join m in db.Users on o.ShopMechanicId equals m.Id into shop
                          from m in shop.DefaultIfEmpty()
                          orderby o.ShopPriority, s.DueDate, o.Id
                          select new
                          {
                              o.Id, o.Number, o.ShopPriority, s.Problem, s.DueDate, s.Photo, o.ShopMechanicId,
                              Model = c == null ? null : c.Model.Name,
                              Plate = c == null ? null : (string)(object)c.Plate,
                              Last = m == null ? null : m.LastName,
                              First = m == null ? null : m.FirstName,
                              Patronymic = m == null ? null : m.Patronymic,
                          })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new ShopQueueRow(
            r.Id, r.Number, r.Model is null ? null : $"{r.Model}, {PlateNumber.Parse(r.Plate!).Display}", r.Problem!, r.DueDate!.Value, r.ShopPriority,
            r.Photo!, r.ShopMechanicId, r.Last is null ? null : StaffNames.Full(r.Last, r.First!, r.Patronymic)))];
    }
}
