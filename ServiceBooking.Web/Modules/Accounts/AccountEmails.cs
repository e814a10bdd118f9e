using Microsoft.AspNetCore.Identity;
using ServiceBooking.Web.Modules.Accounts.Components;
using ServiceBooking.Web.Platform.Data;
using ServiceBooking.Web.Platform.Email;
using ServiceBooking.Web.Platform.Hosting;
using ServiceBooking.Web.Platform.Localization;
using ServiceBooking.Web.Platform.Notifications;

namespace ServiceBooking.Web.Modules.Accounts;

/// <summary>
/// The account emails of PRODUCT.md section A, rendered in the recipient's language and queued in the outbox. Each makes
/// its own token and builds its link from the configured public URL (<see cref="SiteLinks"/>), never from the request.
/// </summary>
public sealed class AccountEmails(
    EmailRenderer renderer, OutboxWriter outbox, ApplicationDbContext db, UserManager<ApplicationUser> users, SiteLinks links)
{
    public async Task QueueConfirmationAsync(ApplicationUser user, CancellationToken cancellationToken)
    {
        var code = Tokens.Encode(await users.GenerateEmailConfirmationTokenAsync(user));
        await QueueAsync<ConfirmAccountEmail>(user, user.Email!, NoticeKind.AccountConfirmation, "Email.ConfirmAccount.Subject", new()
        {
            [nameof(ConfirmAccountEmail.Name)] = user.Name.Salutation,
            [nameof(ConfirmAccountEmail.Nickname)] = user.UserName,
            [nameof(ConfirmAccountEmail.Link)] = links.Page("/Account/ConfirmEmail", new { userId = user.Id, code }),
        }, cancellationToken);
    }

    public async Task QueuePasswordResetAsync(ApplicationUser user, CancellationToken cancellationToken)
    {
        var code = Tokens.Encode(await users.GeneratePasswordResetTokenAsync(user));
        await QueueAsync<ResetPasswordEmail>(user, user.Email!, NoticeKind.PasswordReset, "Email.ResetPassword.Subject", new()
        {
            [nameof(ResetPasswordEmail.Name)] = user.Name.Salutation,
            [nameof(ResetPasswordEmail.Nickname)] = user.UserName,
            [nameof(ResetPasswordEmail.Link)] = links.Page("/Account/ResetPassword", new { userId = user.Id, code }),
        }, cancellationToken);
    }

    /// <summary>
    /// A staff account made for someone (work orders' staff, by a supervisor or the Admin): the new member of staff
    /// chooses a password through a password-reset link, so nobody else ever knows it. <paramref name="roleKey"/> is the
    /// resource key of the role's name, rendered in the recipient's language.
    /// </summary>
    public async Task QueueStaffWelcomeAsync(ApplicationUser user, string roleKey, CancellationToken cancellationToken)
    {
        var code = Tokens.Encode(await users.GeneratePasswordResetTokenAsync(user));
        await QueueAsync<StaffWelcomeEmail>(user, user.Email!, NoticeKind.StaffWelcome, "Email.StaffWelcome.Subject", new()
        {
            [nameof(StaffWelcomeEmail.Name)] = user.Name.Salutation,
            [nameof(StaffWelcomeEmail.RoleKey)] = roleKey,
            [nameof(StaffWelcomeEmail.Nickname)] = user.UserName,
            [nameof(StaffWelcomeEmail.Link)] = links.Page("/Account/ResetPassword", new { userId = user.Id, code }),
        }, cancellationToken);
    }

    /// <summary>
    /// A change of address: the new address gets the link that makes the change, the old one is told that a change was
    /// asked for (with a link to the profile), so a stolen session cannot move the account away unnoticed.
    /// </summary>
    public async Task QueueEmailChangeAsync(ApplicationUser user, string newEmail, CancellationToken cancellationToken)
    {
        var code = Tokens.Encode(await users.GenerateChangeEmailTokenAsync(user, newEmail));
        await QueueAsync<ConfirmEmailChangeEmail>(user, newEmail, NoticeKind.EmailChange, "Email.ConfirmEmailChange.Subject", new()
        {
            [nameof(ConfirmEmailChangeEmail.Name)] = user.Name.Salutation,
            [nameof(ConfirmEmailChangeEmail.NewEmail)] = newEmail,
            [nameof(ConfirmEmailChangeEmail.Link)] = links.Page("/Account/ConfirmEmailChange", new { userId = user.Id, email = newEmail, code }),
        }, cancellationToken);
        await QueueAsync<EmailChangeRequestedEmail>(user, user.Email!, NoticeKind.EmailChangeNotice, "Email.EmailChangeRequested.Subject", new()
        {
            [nameof(EmailChangeRequestedEmail.Name)] = user.Name.Salutation,
            [nameof(EmailChangeRequestedEmail.NewEmail)] = newEmail,
            [nameof(EmailChangeRequestedEmail.ProfileLink)] = links.Page("/Profile/Index"),
        }, cancellationToken);
    }

    /// <summary>Each request is its own email (a new link every time), so the key is unique per request.</summary>
    private async Task QueueAsync<TTemplate>(
        ApplicationUser user, string address, NoticeKind kind, string subjectKey, Dictionary<string, object?> parameters, CancellationToken cancellationToken)
        where TTemplate : Microsoft.AspNetCore.Components.IComponent
    {
        var recipient = new EmailRecipient(address, user.Name.FullName, Cultures.Get(user.PreferredCulture));
        var message = await renderer.RenderAsync<TTemplate>(recipient, subjectKey, parameters);
        outbox.Add(new OutboxEntry(message, kind, $"{kind}:{user.Id}:{Guid.NewGuid():N}", user.Id));
        await db.SaveChangesAsync(cancellationToken);
    }
}
