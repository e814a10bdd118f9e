using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ServiceBooking.Domain.Accounts;
using ServiceBooking.Domain.Common;
using ServiceBooking.Web.Platform.Data;

namespace ServiceBooking.Web.Modules.Accounts;

/// <summary>One page of people found, with their roles.</summary>
public sealed record UserPage(int Total, int PageNumber, int PageCount, IReadOnlyList<UserRow> Rows);

/// <summary>A person in the Admin's list.</summary>
public sealed record UserRow(ApplicationUser User, IReadOnlyList<string> Roles)
{
    public string FullName => string.Join(' ', new[] { User.LastName, User.FirstName, User.Patronymic }.Where(p => !string.IsNullOrEmpty(p)));

    /// <summary>"+7 900 123-45-67"; a stored value the Domain no longer reads is shown as it is.</summary>
    public string? Phone
    {
        get
        {
            try
            {
                return User.PhoneNumber is { Length: > 0 } stored ? PhoneNumber.Parse(stored).Display : null;
            }
            catch (DomainException)
            {
                return User.PhoneNumber;
            }
        }
    }

    public bool Has(string role) => Roles.Contains(role, StringComparer.Ordinal);
}

/// <summary>What a role change came to.</summary>
public abstract record RoleChanged
{
    private RoleChanged()
    {
    }

    public sealed record Done(ApplicationUser User) : RoleChanged;

    /// <summary>Not one of the roles the Admin area grants (<see cref="Roles.Grantable"/>): a bad request.</summary>
    public sealed record NotGrantable : RoleChanged;

    public sealed record NotFound : RoleChanged;

    /// <summary>A rule said no (the Domain's <see cref="AdminRole"/>).</summary>
    public sealed record Refused(DomainException Error) : RoleChanged;

    /// <summary>Identity refused the change (its errors are already localized).</summary>
    public sealed record Failed(IEnumerable<string> Errors) : RoleChanged;
}

/// <summary>
/// The Admin's list of people and their staff roles. A revoked role renews the person's security stamp: at the cookie's
/// next validation (Identity's SecurityStampValidatorOptions.ValidationInterval) their sessions end and they sign in
/// again with the roles they have now; the acting Admin's own cookie is reissued at once.
/// </summary>
public sealed class UserDirectory(ApplicationDbContext db, UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn)
{
    public const int PageSize = 20;

    /// <summary>
    /// People matching <paramref name="query"/> (part of a nickname, email, last or first name, a phone number in any
    /// habit, or a plate of one of their cars), by name, twenty to a page.
    /// </summary>
    public async Task<UserPage> SearchAsync(string? query, int pageNumber, CancellationToken cancellationToken)
    {
        var found = UserSearch.Filter(db.Users.AsNoTracking(), db.Cars, query);
        var total = await found.CountAsync(cancellationToken);
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        pageNumber = Math.Clamp(pageNumber, 1, pageCount);
        var page = await found
            .OrderBy(u => u.LastName).ThenBy(u => u.FirstName).ThenBy(u => u.UserName)
            .Skip((pageNumber - 1) * PageSize).Take(PageSize)
            .ToListAsync(cancellationToken);
        var ids = page.Select(u => u.Id).ToList();
        var roles = await db.UserRoles
            .Where(ur => ids.Contains(ur.UserId))
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .ToListAsync(cancellationToken);
        return new UserPage(total, pageNumber, pageCount,
            [.. page.Select(u => new UserRow(u, [.. roles.Where(r => r.UserId == u.Id && r.Name != null).Select(r => r.Name!).Order()]))]);
    }

    /// <summary>Grants or revokes a staff role; a change to what the person already has is a no-op that succeeds.</summary>
    public async Task<RoleChanged> ChangeRoleAsync(string actorId, string? userId, string role, bool grant)
    {
        if (!Roles.Grantable.Contains(role, StringComparer.Ordinal))
        {
            return new RoleChanged.NotGrantable();
        }

        var user = string.IsNullOrEmpty(userId) ? null : await users.FindByIdAsync(userId);
        if (user is null)
        {
            return new RoleChanged.NotFound();
        }

        if (await users.IsInRoleAsync(user, role) == grant)
        {
            return new RoleChanged.Done(user);
        }

        if (!grant && role == Roles.Admin)
        {
            try
            {
                AdminRole.EnsureMayRevoke(user.UserName ?? user.Id, user.Id == actorId, (await users.GetUsersInRoleAsync(Roles.Admin)).Count);
            }
            catch (DomainException error)
            {
                return new RoleChanged.Refused(error);
            }
        }

        var result = grant ? await users.AddToRoleAsync(user, role) : await users.RemoveFromRoleAsync(user, role);
        if (!result.Succeeded)
        {
            return new RoleChanged.Failed(result.Errors.Select(e => e.Description));
        }

        if (!grant)
        {
            // UserManager does not renew the stamp for role changes: a revoked role must not live on in a cookie.
            await users.UpdateSecurityStampAsync(user);
        }

        if (user.Id == actorId)
        {
            await signIn.RefreshSignInAsync(user);
        }

        return new RoleChanged.Done(user);
    }
}
