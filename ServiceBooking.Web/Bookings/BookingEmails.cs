using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using ServiceBooking.Domain.Bookings;
using ServiceBooking.Web.Components.Email;
using ServiceBooking.Web.Data;
using ServiceBooking.Web.Email;
using ServiceBooking.Web.Localization;

namespace ServiceBooking.Web.Bookings;

/// <summary>The emails about bookings, in the client's language.</summary>
public sealed partial class BookingEmails(
    EmailRenderer renderer, IEmailSender sender, UserManager<ApplicationUser> users, IStringLocalizer<SharedResource> text, ILogger<BookingEmails> log)
{
    /// <summary>Tells the client that the service centre cancelled their booking (and why, when given). False if the mail system refused.</summary>
    public async Task<bool> SendCancelledAsync(Booking booking, string bookingsLink, CancellationToken cancellationToken)
    {
        var client = await users.FindByIdAsync(booking.ClientId);
        if (client?.Email is null)
        {
            return false;
        }

        var culture = Cultures.Get(client.PreferredCulture);
        var when = string.Empty;
        using (new CultureScope(culture))
        {
            when = text["Email.When", booking.Date.Day(), booking.Start.Time()];
        }

        var message = await renderer.RenderAsync<BookingCancelledEmail>(
            new EmailRecipient(client.Email, client.Name.FullName, culture), "Email.BookingCancelled.Subject", new Dictionary<string, object?>
            {
                [nameof(BookingCancelledEmail.Name)] = client.Name.Salutation,
                [nameof(BookingCancelledEmail.When)] = when,
                [nameof(BookingCancelledEmail.Car)] = $"{booking.Car.Model.Name}, {booking.Car.Plate.Display}",
                [nameof(BookingCancelledEmail.Work)] = booking.Quote.RepairTypeName,
                [nameof(BookingCancelledEmail.Reason)] = booking.CancellationReason,
                [nameof(BookingCancelledEmail.BookingLink)] = bookingsLink,
            });
        try
        {
            await sender.SendAsync(message, cancellationToken);
            return true;
        }
        catch (Exception error) when (error is IOException or MailKit.ProtocolException or MailKit.CommandException
            or System.Net.Sockets.SocketException or TimeoutException or OperationCanceledException)
        {
            LogSendFailed(log, error, booking.Id);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not send the cancellation of booking {BookingId}")]
    private static partial void LogSendFailed(ILogger logger, Exception error, int bookingId);
}
