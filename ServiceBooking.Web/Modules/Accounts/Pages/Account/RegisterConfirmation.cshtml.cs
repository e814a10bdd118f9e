using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ServiceBooking.Web.Modules.Accounts.Pages.Account;

/// <summary>After registration: "check your inbox", with an offer to send the link again.</summary>
[AllowAnonymous]
public sealed class RegisterConfirmation : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Email { get; set; }

    public void OnGet()
    {
    }
}
