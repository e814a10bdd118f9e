using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ServiceBooking.Domain.Accounts;
using ServiceBooking.Domain.Bookings;
using ServiceBooking.Web.Platform;
using ServiceBooking.Web.Platform.Audit;
using ServiceBooking.Web.Platform.Data;

namespace ServiceBooking.Web.Modules.Bookings;

public enum BookingStep
{
    Booked,
    Moved,
    Cancelled,

    /// <summary>Another change (staff see it; clients do not).</summary>
    Changed,

    /// <summary>The row itself was deleted (staff only; bookings are cancelled, not deleted, today).</summary>
    Deleted,
}

/// <summary>Who did it, as far as the reader is told.</summary>
public enum BookingActor
{
    /// <summary>The client reading their own booking's history.</summary>
    You,

    /// <summary>For the client: anyone of the service centre's staff (their names stay internal).</summary>
    ServiceCentre,

    /// <summary>For the client: a job of the site, a command, the start-up.</summary>
    Automatic,

    /// <summary>For staff: the person, by name.</summary>
    Person,

    /// <summary>For staff: a scheduled job, by name.</summary>
    Job,

    /// <summary>For staff: an operations command, by name.</summary>
    Command,

    /// <summary>For staff: the site itself (start-up, or code that named no actor).</summary>
    System,

    /// <summary>For staff: someone not signed in.</summary>
    Anonymous,
}

/// <summary>One step of a booking's history, in the service centre's local time.</summary>
public sealed record BookingHistoryEvent(DateTime At, BookingStep Step, BookingActor Actor, string? ActorName = null)
{
    /// <summary>For <see cref="BookingStep.Moved"/>: the visit's day and time before and after.</summary>
    public (DateOnly Date, TimeOnly Start)? From { get; init; }

    public (DateOnly Date, TimeOnly Start)? To { get; init; }

    /// <summary>For <see cref="BookingStep.Cancelled"/>: the reason given, if any (the client is told it anyway).</summary>
    public string? Reason { get; init; }
}

/// <summary>
/// A booking's history, read from the audit trail: when it was made, moved and cancelled, and by whom. Staff see
/// names; a client sees "you", "the service centre" or "automatically", never a member of staff's name, and only the
/// steps that concern them (made, moved, cancelled).
/// </summary>
public sealed class BookingHistory(AuditTrail trail, ApplicationDbContext db, WorkshopClock clock)
{
    public const string EntityType = nameof(Booking);

    public async Task<IReadOnlyList<BookingHistoryEvent>> ForStaffAsync(int bookingId, CancellationToken cancellationToken)
    {
        var entries = await trail.OfAsync(EntityType, [Key(bookingId)], cancellationToken);
        var people = entries.Where(e => e.ActorId is not null).Select(e => e.ActorId!).Distinct().ToList();
        var names = (await db.Users.AsNoTracking().Where(u => people.Contains(u.Id))
                .Select(u => new { u.Id, u.LastName, u.FirstName, u.Patronymic }).ToListAsync(cancellationToken))
            .ToDictionary(u => u.Id, u => PersonName.Create(u.LastName, u.FirstName, u.Patronymic).FullName);
        return Steps(entries, e => e.ActorKind switch
        {
            AuditActorKind.User => (BookingActor.Person, names.GetValueOrDefault(e.ActorId!, e.ActorName)),
            AuditActorKind.Job => (BookingActor.Job, e.ActorName),
            AuditActorKind.Command => (BookingActor.Command, e.ActorName),
            AuditActorKind.Anonymous => (BookingActor.Anonymous, null),
            _ => (BookingActor.System, e.ActorName),
        }, forClient: false);
    }

    /// <summary>The histories of the client's own bookings (the caller has checked they are theirs), by booking id.</summary>
    public async Task<IReadOnlyDictionary<int, IReadOnlyList<BookingHistoryEvent>>> ForClientAsync(
        string clientId, IReadOnlyCollection<int> bookingIds, CancellationToken cancellationToken)
    {
        var entries = await trail.OfAsync(EntityType, [.. bookingIds.Select(Key)], cancellationToken);
        return entries.GroupBy(e => int.Parse(e.EntityId, CultureInfo.InvariantCulture)).ToDictionary(
            booking => booking.Key,
            booking => Steps([.. booking], e => e.ActorKind switch
            {
                AuditActorKind.User when e.ActorId == clientId => (BookingActor.You, null),
                AuditActorKind.User or AuditActorKind.Anonymous => (BookingActor.ServiceCentre, null),
                _ => (BookingActor.Automatic, null),
            }, forClient: true));
    }

    private static string Key(int bookingId) => bookingId.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Replays the entries over the booking's recorded fields, so that a move knows the whole day and time before and
    /// after even when only one of them changed.
    /// </summary>
    private IReadOnlyList<BookingHistoryEvent> Steps(
        IReadOnlyList<AuditEntry> entries, Func<AuditEntry, (BookingActor Actor, string? Name)> who, bool forClient)
    {
        var state = new Dictionary<string, JsonElement>();
        var steps = new List<BookingHistoryEvent>();
        foreach (var entry in entries)
        {
            var changes = entry.ReadChanges();
            var before = Slot(state);
            foreach (var (field, change) in changes)
            {
                if (change.After is { } after)
                {
                    state[field] = after;
                }
                else
                {
                    state.Remove(field);
                }
            }

            var (actor, name) = who(entry);
            var at = TimeZoneInfo.ConvertTime(entry.At, clock.Zone).DateTime;
            var step = entry.Action switch
            {
                AuditAction.Added => new BookingHistoryEvent(at, BookingStep.Booked, actor, name),
                AuditAction.Deleted => new BookingHistoryEvent(at, BookingStep.Deleted, actor, name),
                _ when changes.TryGetValue(nameof(Booking.Status), out var status) && status.AfterText == nameof(BookingStatus.Cancelled) =>
                    new BookingHistoryEvent(at, BookingStep.Cancelled, actor, name)
                    {
                        Reason = changes.TryGetValue(nameof(Booking.CancellationReason), out var reason) ? reason.AfterText : null,
                    },
                _ when changes.Keys.Any(k => k is nameof(Booking.Date) or nameof(Booking.Start) or nameof(Booking.AdvisorId)) =>
                    new BookingHistoryEvent(at, BookingStep.Moved, actor, name) { From = before, To = Slot(state) },
                _ => new BookingHistoryEvent(at, BookingStep.Changed, actor, name),
            };
            if (!forClient || step.Step is BookingStep.Booked or BookingStep.Moved or BookingStep.Cancelled)
            {
                steps.Add(step);
            }
        }

        return steps;
    }

    private static (DateOnly, TimeOnly)? Slot(Dictionary<string, JsonElement> state) =>
        state.TryGetValue(nameof(Booking.Date), out var date) && state.TryGetValue(nameof(Booking.Start), out var start)
            ? (DateOnly.Parse(date.GetString()!, CultureInfo.InvariantCulture), TimeOnly.Parse(start.GetString()!, CultureInfo.InvariantCulture))
            : null;
}
