using ServiceBooking.Web.Components.Email;
using ServiceBooking.Web.Data;
using ServiceBooking.Web.Email;
using ServiceBooking.Web.Localization;

namespace ServiceBooking.Web.Accounts;

/// <summary>The account emails of PRODUCT.md section A, rendered in the recipient's language.</summary>
public sealed partial class AccountEmails(EmailRenderer renderer, IEmailSender sender, ILogger<AccountEmails> log)
{
    public Task<bool> SendConfirmationAsync(ApplicationUser user, string link, CancellationToken cancellationToken) =>
        SendAsync<ConfirmAccountEmail>(user, user.Email!, "Email.ConfirmAccount.Subject", new()
        {
            [nameof(ConfirmAccountEmail.Name)] = user.Name.Salutation,
            [nameof(ConfirmAccountEmail.Nickname)] = user.UserName,
            [nameof(ConfirmAccountEmail.Link)] = link,
        }, cancellationToken);

    public Task<bool> SendPasswordResetAsync(ApplicationUser user, string link, CancellationToken cancellationToken) =>
        SendAsync<ResetPasswordEmail>(user, user.Email!, "Email.ResetPassword.Subject", new()
        {
            [nameof(ResetPasswordEmail.Name)] = user.Name.Salutation,
            [nameof(ResetPasswordEmail.Nickname)] = user.UserName,
            [nameof(ResetPasswordEmail.Link)] = link,
        }, cancellationToken);

    public Task<bool> SendEmailChangeAsync(ApplicationUser user, string newEmail, string link, CancellationToken cancellationToken) =>
        SendAsync<ConfirmEmailChangeEmail>(user, newEmail, "Email.ConfirmEmailChange.Subject", new()
        {
            [nameof(ConfirmEmailChangeEmail.Name)] = user.Name.Salutation,
            [nameof(ConfirmEmailChangeEmail.NewEmail)] = newEmail,
            [nameof(ConfirmEmailChangeEmail.Link)] = link,
        }, cancellationToken);

    /// <summary>Returns false when the mail system refused the message; the page then offers to send it again.</summary>
    private async Task<bool> SendAsync<TTemplate>(
        ApplicationUser user, string address, string subjectKey, Dictionary<string, object?> parameters, CancellationToken cancellationToken)
        where TTemplate : Microsoft.AspNetCore.Components.IComponent
    {
        var recipient = new EmailRecipient(address, user.Name.FullName, Cultures.Get(user.PreferredCulture));
        var message = await renderer.RenderAsync<TTemplate>(recipient, subjectKey, parameters);
        try
        {
            await sender.SendAsync(message, cancellationToken);
            return true;
        }
        catch (Exception error) when (error is IOException or MailKit.ProtocolException or MailKit.CommandException
            or System.Net.Sockets.SocketException or TimeoutException or OperationCanceledException)
        {
            LogSendFailed(log, error, subjectKey, user.Id);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not send {Template} to user {UserId}")]
    private static partial void LogSendFailed(ILogger logger, Exception error, string template, string userId);
}
