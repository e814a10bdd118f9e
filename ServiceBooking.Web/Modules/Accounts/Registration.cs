using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ServiceBooking.Web.Platform.Data;

namespace ServiceBooking.Web.Modules.Accounts;

/// <summary>A registration as typed, trimmed by the page.</summary>
public sealed record RegistrationDraft(
    string Nickname, string Email, string LastName, string FirstName, string? Patronymic, string Password, string Culture);

/// <summary>What a registration came to.</summary>
public abstract record Registered
{
    private Registered()
    {
    }

    public sealed record Done(ApplicationUser User) : Registered;

    /// <summary>Identity refused it (a nickname or email already taken, a weak password...).</summary>
    public sealed record Refused(IdentityResult Result) : Registered;

    /// <summary>Someone registered the same nickname or email a moment ago, between Identity's check and the insert.</summary>
    public sealed record Raced(bool Email) : Registered;

    /// <summary>The address (or this visitor) asked too often: wait this long.</summary>
    public sealed record Throttled(TimeSpan RetryAfter) : Registered;
}

/// <summary>
/// Registration (PRODUCT.md section A): the account, its Client role and its confirmation email are stored together, or
/// not at all. Registering one email is limited per target email (the page's policy limits it per address).
/// </summary>
public sealed class Registration(UserManager<ApplicationUser> users, AccountEmails emails, ApplicationDbContext db, Platform.Hosting.Throttle throttle)
{
    public async Task<Registered> RegisterAsync(RegistrationDraft draft, CancellationToken cancellationToken)
    {
        if (await throttle.TryAsync(Platform.Hosting.ThrottleKind.RegisterEmail, draft.Email, cancellationToken) is { } wait)
        {
            return new Registered.Throttled(wait);
        }

        var user = new ApplicationUser
        {
            UserName = draft.Nickname,
            Email = draft.Email,
            FirstName = draft.FirstName,
            LastName = draft.LastName,
            Patronymic = draft.Patronymic,
            PreferredCulture = draft.Culture,
        };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        IdentityResult created;
        try
        {
            created = await users.CreateAsync(user, draft.Password);
        }
        catch (DbUpdateException error) when (UniqueViolation.Constraint(error) is { } constraint)
        {
            return new Registered.Raced(Email: constraint.Contains("email", StringComparison.OrdinalIgnoreCase));
        }

        if (!created.Succeeded)
        {
            return new Registered.Refused(created);
        }

        await users.AddToRoleAsync(user, Roles.Client);
        await emails.QueueConfirmationAsync(user, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new Registered.Done(user);
    }
}
