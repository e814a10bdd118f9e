using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ServiceBooking.Web.Platform.Data;

namespace ServiceBooking.Web.Modules.Accounts.Pages.Account;

/// <summary>The link from the confirmation email.</summary>
[AllowAnonymous]
public sealed class ConfirmEmail(UserManager<ApplicationUser> users) : PageModel
{
    public bool Confirmed { get; private set; }

    public async Task OnGetAsync(string? userId, string? code)
    {
        var token = Tokens.Decode(code);
        var user = userId is null ? null : await users.FindByIdAsync(userId);
        if (user is null || token is null)
        {
            return;
        }

        Confirmed = user.EmailConfirmed || (await users.ConfirmEmailAsync(user, token)).Succeeded;
    }
}
