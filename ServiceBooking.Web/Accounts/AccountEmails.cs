using ServiceBooking.Web.Components.Email;
using ServiceBooking.Web.Data;
using ServiceBooking.Web.Email;
using ServiceBooking.Web.Email.Outbox;
using ServiceBooking.Web.Localization;

namespace ServiceBooking.Web.Accounts;

/// <summary>The account emails of PRODUCT.md section A, rendered in the recipient's language and queued in the outbox.</summary>
public sealed class AccountEmails(EmailRenderer renderer, OutboxWriter outbox, ApplicationDbContext db)
{
    public Task QueueConfirmationAsync(ApplicationUser user, string link, CancellationToken cancellationToken) =>
        QueueAsync<ConfirmAccountEmail>(user, user.Email!, EmailKind.AccountConfirmation, "Email.ConfirmAccount.Subject", new()
        {
            [nameof(ConfirmAccountEmail.Name)] = user.Name.Salutation,
            [nameof(ConfirmAccountEmail.Nickname)] = user.UserName,
            [nameof(ConfirmAccountEmail.Link)] = link,
        }, cancellationToken);

    public Task QueuePasswordResetAsync(ApplicationUser user, string link, CancellationToken cancellationToken) =>
        QueueAsync<ResetPasswordEmail>(user, user.Email!, EmailKind.PasswordReset, "Email.ResetPassword.Subject", new()
        {
            [nameof(ResetPasswordEmail.Name)] = user.Name.Salutation,
            [nameof(ResetPasswordEmail.Nickname)] = user.UserName,
            [nameof(ResetPasswordEmail.Link)] = link,
        }, cancellationToken);

    public Task QueueEmailChangeAsync(ApplicationUser user, string newEmail, string link, CancellationToken cancellationToken) =>
        QueueAsync<ConfirmEmailChangeEmail>(user, newEmail, EmailKind.EmailChange, "Email.ConfirmEmailChange.Subject", new()
        {
            [nameof(ConfirmEmailChangeEmail.Name)] = user.Name.Salutation,
            [nameof(ConfirmEmailChangeEmail.NewEmail)] = newEmail,
            [nameof(ConfirmEmailChangeEmail.Link)] = link,
        }, cancellationToken);

    /// <summary>Each request is its own email (a new link every time), so the key is unique per request.</summary>
    private async Task QueueAsync<TTemplate>(
        ApplicationUser user, string address, EmailKind kind, string subjectKey, Dictionary<string, object?> parameters, CancellationToken cancellationToken)
        where TTemplate : Microsoft.AspNetCore.Components.IComponent
    {
        var recipient = new EmailRecipient(address, user.Name.FullName, Cultures.Get(user.PreferredCulture));
        var message = await renderer.RenderAsync<TTemplate>(recipient, subjectKey, parameters);
        outbox.Add(new OutboxEntry(message, kind, $"{kind}:{user.Id}:{Guid.NewGuid():N}", user.Id));
        await db.SaveChangesAsync(cancellationToken);
    }
}
