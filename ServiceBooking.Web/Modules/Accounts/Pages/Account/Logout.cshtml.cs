using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ServiceBooking.Web.Platform.Data;

namespace ServiceBooking.Web.Modules.Accounts.Pages.Account;

/// <summary>Signing out changes state, so it takes a POST (with antiforgery); a GET shows the button.</summary>
public sealed class Logout(SignInManager<ApplicationUser> signIn) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return RedirectToPage("/Index");
    }
}
