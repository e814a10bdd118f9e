using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using ServiceBooking.Web.Platform.Data;
using ServiceBooking.Web.Platform.Hosting;
using ServiceBooking.Web.Platform.Validation;

namespace ServiceBooking.Web.Modules.Accounts.Pages.Account;

/// <summary>Sends a fresh confirmation link. The answer is the same whether or not the address has an account.</summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.ResendConfirmation)]
public sealed class ResendConfirmation(UserManager<ApplicationUser> users, AccountEmails emails, Throttle throttle) : PageModel
{
    [BindProperty]
    public ResendInput Input { get; set; } = new();

    public bool Done { get; private set; }

    public void OnGet(string? email) => Input.Email = email ?? string.Empty;

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (await throttle.TryAsync(ThrottleKind.ResendConfirmationEmail, Input.Email, cancellationToken) is { } wait)
        {
            return new TooManyRequestsResult(wait);
        }

        var user = await users.FindByEmailAsync(Input.Email.Trim());
        if (user is { EmailConfirmed: false })
        {
            await emails.QueueConfirmationAsync(user, cancellationToken);
        }

        Done = true;
        return Page();
    }

    public sealed class ResendInput
    {
        [Required(ErrorMessage = "Validation.Required")]
        [Email]
        [Display(Name = "Field.Email")]
        public string Email { get; set; } = string.Empty;
    }
}
