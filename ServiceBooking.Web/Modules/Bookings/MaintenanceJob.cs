using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ServiceBooking.Domain.Bookings;
using ServiceBooking.Domain.Catalog;
using ServiceBooking.Domain.Garage;
using ServiceBooking.Web.Platform;
using ServiceBooking.Web.Platform.Data;
using ServiceBooking.Web.Platform.Hosting;
using ServiceBooking.Web.Platform.Notifications;

namespace ServiceBooking.Web.Modules.Bookings;

/// <summary>
/// The yearly maintenance reminder per car, when the Domain's <see cref="MaintenanceSchedule"/> says it is due (a
/// maintenance visit is a booking for maintenance work that has taken place). The key names the car and the
/// anniversary, so each anniversary is mailed once.
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
        // The database narrows to cars whose year has run out with no visit booked; the Domain decides each one.
        var yearAgo = MaintenanceSchedule.DueIfSinceOnOrBefore(today);
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
            .Select(c => (c.Id, Since: MaintenanceSchedule.Since(c.SaleDate, c.LastVisit), c.Upcoming))
            .Select(c => (c.Id, c.Since, Due: MaintenanceSchedule.Due(c.Since, today, c.Upcoming)))
            .Where(c => c.Due is not null)
            .Select(c => (c.Id, c.Since, Due: c.Due!.Value))
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
}
