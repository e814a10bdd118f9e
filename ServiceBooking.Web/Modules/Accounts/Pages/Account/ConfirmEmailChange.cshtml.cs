using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ServiceBooking.Web.Platform.Data;

namespace ServiceBooking.Web.Modules.Accounts.Pages.Account;

/// <summary>The link sent to a new address: the change takes effect only when its owner opens it.</summary>
[AllowAnonymous]
public sealed class ConfirmEmailChange(UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn) : PageModel
{
    public bool Changed { get; private set; }

    public async Task OnGetAsync(string? userId, string? email, string? code)
    {
        var token = Tokens.Decode(code);
        var user = userId is null ? null : await users.FindByIdAsync(userId);
        if (user is null || token is null || string.IsNullOrEmpty(email))
        {
            return;
        }

        Changed = (await users.ChangeEmailAsync(user, email, token)).Succeeded;
        if (Changed && signIn.IsSignedIn(User) && users.GetUserId(User) == user.Id)
        {
            await signIn.RefreshSignInAsync(user);
        }
    }
}
