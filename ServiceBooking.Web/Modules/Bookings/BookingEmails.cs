using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using ServiceBooking.Domain.Bookings;
using ServiceBooking.Domain.Garage;
using ServiceBooking.Web.Modules.Bookings.Components;
using ServiceBooking.Web.Platform;
using ServiceBooking.Web.Platform.Data;
using ServiceBooking.Web.Platform.Email;
using ServiceBooking.Web.Platform.Hosting;
using ServiceBooking.Web.Platform.Localization;
using ServiceBooking.Web.Platform.Notifications;

namespace ServiceBooking.Web.Modules.Bookings;

/// <summary>
/// The emails about bookings and cars, in the client's language, as outbox entries: the caller queues them in the
/// transaction of the change that causes them. Their keys make each one unique (one confirmation, one reminder and
/// one cancellation per booking; one maintenance reminder per car and year).
/// </summary>
public sealed class BookingEmails(
    EmailRenderer renderer, SiteLinks links, WorkshopClock clock, TimeProvider time, IOptions<ServiceCentreOptions> centre,
    IStringLocalizer<SharedResource> text)
{
    /// <summary>The booking's confirmation, with the visit as an .ics calendar file.</summary>
    public async Task<OutboxEntry> ConfirmationAsync(Booking booking, ApplicationUser client)
    {
        var (recipient, visit) = Visit(booking, client, withPrice: true);
        var message = await renderer.RenderAsync<BookingConfirmedEmail>(recipient, "Email.BookingConfirmed.Subject",
            new Dictionary<string, object?> { [nameof(BookingConfirmedEmail.Visit)] = visit });
        var start = clock.ToInstant(booking.Date, booking.Start);
        var settings = centre.Value;
        var calendar = VisitCalendarFile.Create(
            $"booking-{booking.Id}@servicebooking", start, start + Domain.Bookings.TimeSlot.Length, time.GetUtcNow(),
            $"{settings.Name}: {booking.Quote.RepairTypeName}, {booking.Car.Model.Name}",
            $"{visit.Car}. {visit.Advisor}. {visit.Price}", settings.Address);
        message = message with { Attachments = [new EmailAttachment(VisitCalendarFile.FileName, VisitCalendarFile.ContentType, calendar)] };
        return new OutboxEntry(message, NoticeKind.BookingConfirmation, $"{NoticeKind.BookingConfirmation}:{booking.Id}", client.Id, booking.Id);
    }

    /// <summary>The reminder the day before the visit.</summary>
    public async Task<OutboxEntry> ReminderAsync(Booking booking, ApplicationUser client)
    {
        var (recipient, visit) = Visit(booking, client, withPrice: true);
        var message = await renderer.RenderAsync<BookingReminderEmail>(recipient, "Email.BookingReminder.Subject",
            new Dictionary<string, object?> { [nameof(BookingReminderEmail.Visit)] = visit });
        return new OutboxEntry(message, NoticeKind.BookingReminder, $"{NoticeKind.BookingReminder}:{booking.Id}", client.Id, booking.Id);
    }

    /// <summary>Tells the client that the service centre cancelled their booking, and why when given.</summary>
    public async Task<OutboxEntry> CancelledAsync(Booking booking, ApplicationUser client)
    {
        var (recipient, visit) = Visit(booking, client, withPrice: false);
        var message = await renderer.RenderAsync<BookingCancelledEmail>(recipient, "Email.BookingCancelled.Subject", new Dictionary<string, object?>
        {
            [nameof(BookingCancelledEmail.Visit)] = visit,
            [nameof(BookingCancelledEmail.Reason)] = booking.CancellationReason,
        });
        return new OutboxEntry(message, NoticeKind.BookingCancelled, $"{NoticeKind.BookingCancelled}:{booking.Id}", client.Id, booking.Id);
    }

    /// <summary>The yearly maintenance reminder for a car, due on <paramref name="due"/> (a year after <paramref name="since"/>).</summary>
    public async Task<OutboxEntry> MaintenanceAsync(Car car, ApplicationUser client, DateOnly since, DateOnly due)
    {
        var recipient = Recipient(client);
        var message = await renderer.RenderAsync<MaintenanceReminderEmail>(recipient, "Email.Maintenance.Subject", new Dictionary<string, object?>
        {
            [nameof(MaintenanceReminderEmail.Name)] = client.Name.Salutation,
            [nameof(MaintenanceReminderEmail.Car)] = $"{car.Model.Name}, {car.Plate.Display}",
            [nameof(MaintenanceReminderEmail.Since)] = since.Day(),
            [nameof(MaintenanceReminderEmail.BookingLink)] = links.To("/Booking"),
        });
        return new OutboxEntry(message, NoticeKind.MaintenanceReminder, $"{NoticeKind.MaintenanceReminder}:{car.Id}:{due:yyyy-MM-dd}", client.Id);
    }

    private static EmailRecipient Recipient(ApplicationUser client) =>
        new(client.Email!, client.Name.FullName, Cultures.Get(client.PreferredCulture));

    private (EmailRecipient Recipient, VisitEmail Visit) Visit(Booking booking, ApplicationUser client, bool withPrice)
    {
        var recipient = Recipient(client);
        using var _ = new CultureScope(recipient.Culture);
        var advisor = booking.Advisor;
        var visit = new VisitEmail(
            client.Name.Salutation,
            text["Email.When", booking.Date.Day(), booking.Start.Time()],
            BookingCalendar.ShortName(advisor.LastName, advisor.FirstName, advisor.Patronymic),
            $"{booking.Car.Model.Name}, {booking.Car.Plate.Display}",
            booking.Quote.RepairTypeName,
            withPrice ? booking.Quote.Total.Roubles() : null,
            centre.Value.Address,
            links.To("/Booking/My"));
        return (recipient, visit);
    }
}
