using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ServiceBooking.Web.Pages.Account;

/// <summary>After registration: "check your inbox", or, when the mail system refused, an offer to send again.</summary>
[AllowAnonymous]
public sealed class RegisterConfirmation : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Email { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Sent { get; set; } = true;

    public void OnGet()
    {
    }
}
