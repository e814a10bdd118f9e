using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using ServiceBooking.Web.Platform.Data;
using ServiceBooking.Web.Platform.Localization;

namespace ServiceBooking.Web.Modules.Accounts.Pages.Admin.Users;

/// <summary>
/// Finds people and grants or revokes the staff roles (<see cref="Roles.Grantable"/>) through <see cref="UserDirectory"/>.
/// The search box refreshes the results with htmx (the same GET returns only <c>_Results</c> then) and works as a plain
/// form without JavaScript.
/// </summary>
public sealed class Index(UserDirectory directory, UserManager<ApplicationUser> users, IStringLocalizer<SharedResource> text) : PageModel
{
    public const int PageSize = UserDirectory.PageSize;

    /// <summary>What the admin typed: part of a nickname, email, last or first name, or a phone number in any habit.</summary>
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    /// <summary>The results page, from 1 ("page" is taken by Razor Pages' routing).</summary>
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public int Total { get; private set; }

    public int PageCount { get; private set; } = 1;

    public IReadOnlyList<UserRow> Rows { get; private set; } = [];

    [TempData]
    public string? StatusMessage { get; set; }

    [TempData]
    public string? ErrorMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        (Total, PageNumber, PageCount, Rows) = await directory.SearchAsync(Query, PageNumber, cancellationToken);
        Response.Headers.Vary = "HX-Request";
        var fragment = Request.Headers.ContainsKey("HX-Request") && !Request.Headers.ContainsKey("HX-History-Restore-Request");
        return fragment ? Partial("_Results", this) : Page();
    }

    public Task<IActionResult> OnPostGrantAsync(string id, string role) => ChangeRoleAsync(id, role, grant: true);

    public Task<IActionResult> OnPostRevokeAsync(string id, string role) => ChangeRoleAsync(id, role, grant: false);

    private async Task<IActionResult> ChangeRoleAsync(string id, string role, bool grant)
    {
        switch (await directory.ChangeRoleAsync(users.GetUserId(User)!, id, role, grant))
        {
            case RoleChanged.NotGrantable:
                return BadRequest();
            case RoleChanged.NotFound:
                return NotFound();
            case RoleChanged.Refused refused:
                ErrorMessage = text.Message(refused.Error);
                break;
            case RoleChanged.Failed failed:
                ErrorMessage = string.Join(" ", failed.Errors);
                break;
            case RoleChanged.Done done:
                StatusMessage = text[grant ? "Admin.Users.Granted" : "Admin.Users.Revoked", text[$"Role.{role}"], done.User.UserName ?? done.User.Id];
                break;
        }

        return RedirectToPage(new { q = string.IsNullOrWhiteSpace(Query) ? null : Query, p = PageNumber > 1 ? PageNumber : (int?)null });
    }
}
