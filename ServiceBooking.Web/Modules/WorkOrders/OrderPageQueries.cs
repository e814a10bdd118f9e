using Microsoft.EntityFrameworkCore;
using ServiceBooking.Domain.WorkOrders;
using ServiceBooking.Web.Platform.Audit;
using ServiceBooking.Web.Platform.Data;

namespace ServiceBooking.Web.Modules.WorkOrders;

/// <summary>
/// The order page's reads, compiled once: the page (and its live refresh) is the work orders' busiest read, and building
/// and looking up each LINQ query's expression tree cost it more than the database's answers did (bench/RESULTS.md).
/// </summary>
internal static class OrderPageQueries
{
    /// <summary>An order with its stage submissions in the order they were made (for a reader who sees every order).</summary>
    public static readonly Func<ApplicationDbContext, int, CancellationToken, Task<WorkOrder?>> WithStages =
        EF.CompileAsyncQuery((ApplicationDbContext db, int id, CancellationToken _) => db.WorkOrders.AsNoTracking()
            .Include(o => o.Submissions.OrderBy(s => s.Id))
            .SingleOrDefault(o => o.Id == id));

    public static readonly Func<ApplicationDbContext, int, CancellationToken, Task<CarChoice?>> Car =
        EF.CompileAsyncQuery((ApplicationDbContext db, int id, CancellationToken _) => db.Cars.AsNoTracking()
            .Where(c => c.Id == id)
            .Select(c => new CarChoice(c.Id, c.Model.Name, c.Plate.Display, c.Mileage.Kilometres))
            .SingleOrDefault());

    /// <summary>The name columns of some accounts.</summary>
    public static readonly Func<ApplicationDbContext, string[], IAsyncEnumerable<StaffNameRow>> Names =
        EF.CompileAsyncQuery((ApplicationDbContext db, string[] ids) => db.Users.AsNoTracking()
            .Where(u => ids.Contains(u.Id))
            .Select(u => new StaffNameRow(u.Id, u.LastName, u.FirstName, u.Patronymic)));

    /// <summary>
    /// The audit entries of an order and of its stage submissions, oldest first, in one round trip: each part is looked up
    /// in the trail's entity index (the submissions' ids from a subquery).
    /// </summary>
    public static readonly Func<ApplicationDbContext, int, string, IAsyncEnumerable<AuditEntry>> Trail =
        EF.CompileAsyncQuery(IQueryable<AuditEntry> (ApplicationDbContext db, int orderId, string orderKey) => db.AuditTrail.AsNoTracking()
            .Where(e => e.EntityType == OrderHistory.OrderType && e.EntityId == orderKey)
            .Concat(db.AuditTrail.AsNoTracking().Where(e => e.EntityType == OrderHistory.SubmissionType
                && db.StageSubmissions.Where(s => s.WorkOrderId == orderId).Select(s => s.Id.ToString()).Contains(e.EntityId)))
            .OrderBy(e => e.At).ThenBy(e => e.Id));
}

internal sealed record StaffNameRow(string Id, string LastName, string FirstName, string? Patronymic);
