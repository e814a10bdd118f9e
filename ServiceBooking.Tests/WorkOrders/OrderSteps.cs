using Microsoft.EntityFrameworkCore;
using ServiceBooking.Domain.Common;
using ServiceBooking.Domain.WorkOrders;
using ServiceBooking.Web.Platform.Data;

namespace ServiceBooking.Tests.WorkOrders;

/// <summary>
/// Moves an order through its stages with the Domain's own methods and saves, for tests of what others see of an order
/// (the client's page, the emails) without going through the stage pages.
/// </summary>
internal static class OrderSteps
{
    public static Money Rub(decimal amount) => Money.FromRoubles(amount);

    /// <summary>Loads the order with its submissions, lets <paramref name="change"/> act on it, and saves.</summary>
    public static async Task<WorkOrder> ChangeAsync(ApplicationDbContext db, int orderId, Action<WorkOrder> change)
    {
        var order = await db.WorkOrders.Include(o => o.Submissions).SingleAsync(o => o.Id == orderId);
        change(order);
        await db.SaveChangesAsync();
        return order;
    }

    /// <summary>The mechanic files an agreement the client agreed to, for <paramref name="agreed"/>.</summary>
    public static void Agree(this WorkOrder order, string mechanicId, decimal agreed, DateTimeOffset now) =>
        order.SubmitAgreement(mechanicId, [WorkOption.Create("Замена сцепления", Rub(agreed))], Rub(agreed), null, null, now);
}
