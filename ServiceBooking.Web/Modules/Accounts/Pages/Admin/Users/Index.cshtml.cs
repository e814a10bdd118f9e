using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServiceBooking.Domain.Accounts;
using ServiceBooking.Domain.Common;
using ServiceBooking.Web.Modules.Accounts;
using ServiceBooking.Web.Platform.Data;
using ServiceBooking.Web.Platform.Localization;

namespace ServiceBooking.Web.Modules.Accounts.Pages.Admin.Users;

/// <summary>
/// Finds people and grants or revokes the staff roles (<see cref="Roles.Grantable"/>). The search box refreshes the
/// results with htmx (the same GET returns only <c>_Results</c> then) and works as a plain form without JavaScript.
/// A role change renews the person's security stamp: at the cookie's next validation (Identity's
/// SecurityStampValidatorOptions.ValidationInterval) their sessions end and they sign in again with the new roles.
/// </summary>
public sealed class Index(
    ApplicationDbContext db, UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn, IStringLocalizer<SharedResource> text)
    : PageModel
{
    public const int PageSize = 20;

    /// <summary>What the admin typed: part of a nickname, email, last or first name, or a phone number in any habit.</summary>
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    /// <summary>The results page, from 1 ("page" is taken by Razor Pages' routing).</summary>
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public int Total { get; private set; }

    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public IReadOnlyList<UserRow> Rows { get; private set; } = [];

    [TempData]
    public string? StatusMessage { get; set; }

    [TempData]
    public string? ErrorMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await SearchAsync(cancellationToken);
        Response.Headers.Vary = "HX-Request";
        var fragment = Request.Headers.ContainsKey("HX-Request") && !Request.Headers.ContainsKey("HX-History-Restore-Request");
        return fragment ? Partial("_Results", this) : Page();
    }

    public Task<IActionResult> OnPostGrantAsync(string id, string role) => ChangeRoleAsync(id, role, grant: true);

    public Task<IActionResult> OnPostRevokeAsync(string id, string role) => ChangeRoleAsync(id, role, grant: false);

    private async Task<IActionResult> ChangeRoleAsync(string id, string role, bool grant)
    {
        if (!Roles.Grantable.Contains(role, StringComparer.Ordinal))
        {
            return BadRequest();
        }

        var user = string.IsNullOrEmpty(id) ? null : await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        if (await users.IsInRoleAsync(user, role) != grant)
        {
            if (!grant && await RefuseRevokeAsync(user, role) is { } refusal)
            {
                ErrorMessage = refusal;
                return BackToSearch();
            }

            var result = grant ? await users.AddToRoleAsync(user, role) : await users.RemoveFromRoleAsync(user, role);
            if (!result.Succeeded)
            {
                ErrorMessage = string.Join(" ", result.Errors.Select(e => e.Description));
                return BackToSearch();
            }

            await ApplyToSessionsAsync(user, revoked: !grant);
        }

        StatusMessage = text[grant ? "Admin.Users.Granted" : "Admin.Users.Revoked", text[$"Role.{role}"], user.UserName ?? user.Id];
        return BackToSearch();
    }

    private RedirectToPageResult BackToSearch() =>
        RedirectToPage(new { q = string.IsNullOrWhiteSpace(Query) ? null : Query, p = PageNumber > 1 ? PageNumber : (int?)null });

    /// <summary>
    /// Sessions pick up role changes at the next security stamp check (every minute, see ServiceRegistration). A revoked
    /// role must not live on in a cookie, and UserManager does not renew the stamp for role changes: renew it, so the
    /// person signs in again. A grant keeps the session. The acting admin's own cookie is reissued at once.
    /// </summary>
    private async Task ApplyToSessionsAsync(ApplicationUser user, bool revoked)
    {
        if (revoked)
        {
            await users.UpdateSecurityStampAsync(user);
        }

        if (user.Id == users.GetUserId(User))
        {
            await signIn.RefreshSignInAsync(user);
        }
    }

    /// <summary>The area must keep an Admin: nobody drops their own Admin role, and the last Admin stays one.</summary>
    private async Task<string?> RefuseRevokeAsync(ApplicationUser user, string role)
    {
        if (role != Roles.Admin)
        {
            return null;
        }

        if (user.Id == users.GetUserId(User))
        {
            return text["Admin.Users.OwnAdmin"].Value;
        }

        // Reached when the acting admin lost the role a moment ago but their cookie has not noticed yet.
        return (await users.GetUsersInRoleAsync(Roles.Admin)).Count <= 1 ? text["Admin.Users.LastAdmin", user.UserName ?? user.Id].Value : null;
    }

    private async Task SearchAsync(CancellationToken cancellationToken)
    {
        var found = UserSearch.Filter(db.Users.AsNoTracking(), db.Cars, Query);
        Total = await found.CountAsync(cancellationToken);
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        var page = await found
            .OrderBy(u => u.LastName).ThenBy(u => u.FirstName).ThenBy(u => u.UserName)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .ToListAsync(cancellationToken);
        var ids = page.Select(u => u.Id).ToList();
        var roles = await db.UserRoles
            .Where(ur => ids.Contains(ur.UserId))
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .ToListAsync(cancellationToken);
        Rows = [.. page.Select(u => new UserRow(u, [.. roles.Where(r => r.UserId == u.Id && r.Name != null).Select(r => r.Name!).Order()]))];
    }

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
}
