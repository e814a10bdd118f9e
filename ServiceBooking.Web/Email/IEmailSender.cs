namespace ServiceBooking.Web.Email;

/// <summary>Hands one message to the mail system (an SMTP server, or in Development a folder of .eml files).</summary>
public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken);
}
