using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ServiceBooking.Domain.Bookings;
using ServiceBooking.Web.Platform;
using ServiceBooking.Web.Platform.Data;
using ServiceBooking.Web.Platform.Hosting;
using ServiceBooking.Web.Platform.Notifications;

namespace ServiceBooking.Web.Modules.Bookings;

/// <summary>
/// Queues the reminder for every visit of tomorrow, once the service centre's clock passes
/// <see cref="ReminderOptions.DayBeforeAt"/>. Runs often (a Coravel job); a booking made later that day still gets its
/// reminder at the next run, and the outbox's unique key makes a second run, or a second instance, queue nothing new.
/// </summary>
public sealed class ReminderJob(
    ApplicationDbContext db, BookingEmails emails, OutboxWriter outbox, WorkshopClock clock, IOptions<ReminderOptions> options)
    : ScheduledJob(Name)
{
    public const string Name = "reminders";

    protected override Task RunAsync(CancellationToken cancellationToken) => QueueDayBeforeAsync(cancellationToken);

    /// <summary>Returns how many reminders were queued this time.</summary>
    public async Task<int> QueueDayBeforeAsync(CancellationToken cancellationToken)
    {
        var now = clock.LocalNow;
        if (TimeOnly.FromDateTime(now) < options.Value.DayBeforeAt)
        {
            return 0;
        }

        var tomorrow = DateOnly.FromDateTime(now).AddDays(1);
        var queued = 0;
        var afterId = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            var bookings = await db.Bookings.AsNoTracking()
                .Include(b => b.Advisor).Include(b => b.Car).ThenInclude(c => c.Model)
                .Where(b => b.Date == tomorrow && b.Status == BookingStatus.Active && b.Id > afterId)
                .Where(b => !db.Outbox.Any(m => m.BookingId == b.Id && m.Kind == NoticeKind.BookingReminder))
                .OrderBy(b => b.Id)
                .Take(options.Value.BatchSize)
                .ToListAsync(cancellationToken);
            if (bookings.Count == 0)
            {
                break;
            }

            afterId = bookings[^1].Id;
            var clientIds = bookings.Select(b => b.ClientId).Distinct().ToList();
            var clients = await db.Users.AsNoTracking().Where(u => clientIds.Contains(u.Id) && u.Email != null)
                .ToDictionaryAsync(u => u.Id, cancellationToken);
            var entries = new List<OutboxEntry>(bookings.Count);
            foreach (var booking in bookings.Where(b => clients.ContainsKey(b.ClientId)))
            {
                entries.Add(await emails.ReminderAsync(booking, clients[booking.ClientId]));
            }

            queued += await outbox.EnqueueManyAsync(entries, cancellationToken);
        }

        return queued;
    }
}
