using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ServiceBooking.Domain.Bookings;
using ServiceBooking.Domain.Catalog;
using ServiceBooking.Web.Platform.Data;
using ServiceBooking.Web.Platform.Hosting;
using ServiceBooking.Web.Platform.Notifications;
using ServiceBooking.Web.Platform;

namespace ServiceBooking.Web.Modules.Bookings;

/// <summary>
/// The yearly maintenance reminder per car (PRODUCT.md section F): a year after the sale date or the last maintenance
/// visit (a booking for maintenance work that has taken place), on each anniversary, and not while the car already has
/// a booking to come. The key names the car and the anniversary, so each anniversary is mailed once.
/// </summary>
public sealed class MaintenanceJob(
    ApplicationDbContext db, BookingEmails emails, OutboxWriter outbox, WorkshopClock clock, IOptions<ReminderOptions> options)
    : ScheduledJob(Name)
{
    public const string Name = "maintenance";

    protected override Task RunAsync(CancellationToken cancellationToken) => QueueDueAsync(cancellationToken);

    public async Task<int> QueueDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.LocalNow;
        if (TimeOnly.FromDateTime(now) < options.Value.MaintenanceAt)
        {
            return 0;
        }

        var today = DateOnly.FromDateTime(now);
        var yearAgo = today.AddYears(-1);
        var candidates = await db.Cars.AsNoTracking()
            .Where(c => c.IsActive)
            .Select(c => new
            {
                c.Id,
                c.SaleDate,
                LastVisit = db.Bookings
                    .Where(b => b.CarId == c.Id && b.Status == BookingStatus.Active && b.Date < today && b.RepairType.LabourRate.Kind == LabourKind.Maintenance)
                    .Max(b => (DateOnly?)b.Date),
                Upcoming = db.Bookings.Any(b => b.CarId == c.Id && b.Status == BookingStatus.Active && b.Date >= today),
            })
            .Where(c => !c.Upcoming && (c.LastVisit ?? c.SaleDate) <= yearAgo)
            .ToListAsync(cancellationToken);

        var due = candidates
            .Select(c => (c.Id, Since: c.LastVisit is { } visit && visit > c.SaleDate ? visit : c.SaleDate))
            .Select(c => (c.Id, c.Since, Due: LastAnniversary(c.Since, today)))
            .ToList();
        var keys = due.Select(c => $"{NoticeKind.MaintenanceReminder}:{c.Id}:{c.Due:yyyy-MM-dd}").ToList();
        var known = (await db.Outbox.Where(m => keys.Contains(m.DedupKey)).Select(m => m.DedupKey).ToListAsync(cancellationToken)).ToHashSet();
        var queued = 0;
        foreach (var batch in due.Where((_, i) => !known.Contains(keys[i])).Chunk(options.Value.BatchSize))
        {
            var ids = batch.Select(c => c.Id).ToList();
            var cars = await db.Cars.AsNoTracking().Include(c => c.Model).Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
            var ownerIds = cars.Values.Select(c => c.OwnerId).Distinct().ToList();
            var owners = await db.Users.AsNoTracking().Where(u => ownerIds.Contains(u.Id) && u.Email != null).ToDictionaryAsync(u => u.Id, cancellationToken);
            var entries = new List<OutboxEntry>();
            foreach (var (id, since, dueOn) in batch)
            {
                if (owners.TryGetValue(cars[id].OwnerId, out var owner))
                {
                    entries.Add(await emails.MaintenanceAsync(cars[id], owner, since, dueOn));
                }
            }

            queued += await outbox.EnqueueManyAsync(entries, cancellationToken);
        }

        return queued;
    }

    /// <summary>The latest anniversary of <paramref name="since"/> (one year or more after it) that is not after today.</summary>
    public static DateOnly LastAnniversary(DateOnly since, DateOnly today)
    {
        var years = today.Year - since.Year;
        var anniversary = since.AddYears(years);
        return anniversary > today ? since.AddYears(years - 1) : anniversary;
    }
}
