using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using ServiceBooking.Web.Platform.Data;
using ServiceBooking.Web.Platform.Hosting;

namespace ServiceBooking.Web.Modules.Accounts.Pages.Account;

/// <summary>Emails a password reset link. The answer never tells whether the account exists.</summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.ForgotPassword)]
public sealed class ForgotPassword(UserManager<ApplicationUser> users, AccountEmails emails, Throttle throttle) : PageModel
{
    [BindProperty]
    public ForgotInput Input { get; set; } = new();

    public bool Done { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var login = Input.Login.Trim();
        var user = login.Contains('@', StringComparison.Ordinal) ? await users.FindByEmailAsync(login) : await users.FindByNameAsync(login);
        // Counted per account (its email), whether it was named by nickname or by email.
        if (await throttle.TryAsync(ThrottleKind.ForgotPasswordEmail, user?.Email ?? login, cancellationToken) is { } wait)
        {
            return new TooManyRequestsResult(wait);
        }

        if (user is { EmailConfirmed: true })
        {
            await emails.QueuePasswordResetAsync(user, cancellationToken);
        }

        Done = true;
        return Page();
    }

    public sealed class ForgotInput
    {
        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Field.Login")]
        public string Login { get; set; } = string.Empty;
    }
}
