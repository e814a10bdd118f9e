using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ServiceBooking.Web.Accounts;
using ServiceBooking.Web.Data;

namespace ServiceBooking.Web.Pages.Account;

/// <summary>Emails a password reset link. The answer never tells whether the account exists.</summary>
[AllowAnonymous]
public sealed class ForgotPassword(UserManager<ApplicationUser> users, AccountEmails emails) : PageModel
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
        if (user is { EmailConfirmed: true })
        {
            var code = Tokens.Encode(await users.GeneratePasswordResetTokenAsync(user));
            var link = Url.Page("/Account/ResetPassword", pageHandler: null, new { userId = user.Id, code }, Request.Scheme)!;
            await emails.QueuePasswordResetAsync(user, link, cancellationToken);
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
