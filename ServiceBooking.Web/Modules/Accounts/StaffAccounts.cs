using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ServiceBooking.Web.Platform.Data;
using ServiceBooking.Web.Platform.Validation;

namespace ServiceBooking.Web.Modules.Accounts;

/// <summary>
/// What someone typed for a staff account made on their behalf (work orders' staff, drivers): the phone as typed
/// (optional; kept in E.164).
/// </summary>
public sealed record StaffAccountDraft(string Nickname, string Email, string LastName, string FirstName, string? Patronymic, string? Phone);

/// <summary>The account made, or Identity's localized reasons it was not (nickname or email taken, an invalid nickname).</summary>
public sealed record StaffAccountCreated(ApplicationUser? User, IReadOnlyList<IdentityError> Errors);

/// <summary>
/// Accounts made for staff by those who manage them: no password (the welcome email's link lets the person choose one),
/// the email counted as confirmed (only its owner can use that link), one role. The caller holds the transaction, so
/// the account, its role, the welcome email and the module's own rows (a driver's profile) are stored together or not at all.
/// </summary>
public sealed class StaffAccounts(UserManager<ApplicationUser> users, AccountEmails emails)
{
    /// <summary>Makes the account with <paramref name="role"/> and queues the welcome email naming the role.</summary>
    public async Task<StaffAccountCreated> CreateAsync(StaffAccountDraft draft, string role, CancellationToken cancellationToken)
    {
        var user = new ApplicationUser
        {
            UserName = draft.Nickname.Trim(),
            Email = draft.Email.Trim(),
            // The address is proven when the welcome link (which only it receives) is used to set the password.
            EmailConfirmed = true,
        };
        Rename(user, draft);
        IdentityResult created;
        try
        {
            created = await users.CreateAsync(user);
        }
        catch (DbUpdateException error) when (UniqueViolation.Constraint(error) is { } constraint)
        {
            // Someone took the nickname or email between Identity's check and the insert.
            return new StaffAccountCreated(null, [constraint.Contains("email", StringComparison.OrdinalIgnoreCase)
                ? new IdentityErrorDescriber().DuplicateEmail(user.Email)
                : new IdentityErrorDescriber().DuplicateUserName(user.UserName)]);
        }

        if (!created.Succeeded)
        {
            return new StaffAccountCreated(null, [.. created.Errors]);
        }

        if (await users.AddToRoleAsync(user, role) is { Succeeded: false } refused)
        {
            return new StaffAccountCreated(null, [.. refused.Errors]);
        }

        await emails.QueueStaffWelcomeAsync(user, $"Role.{role}", cancellationToken);
        return new StaffAccountCreated(user, []);
    }

    /// <summary>Sets the person's name and phone from the draft (trimmed; no patronymic or phone typed: none).</summary>
    public static void Rename(ApplicationUser user, StaffAccountDraft draft)
    {
        (user.LastName, user.FirstName) = (draft.LastName.Trim(), draft.FirstName.Trim());
        user.Patronymic = string.IsNullOrWhiteSpace(draft.Patronymic) ? null : draft.Patronymic.Trim();
        user.PhoneNumber = Phones.TryNormalise(draft.Phone);
    }
}
