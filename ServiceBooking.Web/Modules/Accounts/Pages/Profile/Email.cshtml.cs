using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using ServiceBooking.Web.Platform.Data;
using ServiceBooking.Web.Platform.Validation;

namespace ServiceBooking.Web.Modules.Accounts.Pages.Profile;

/// <summary>
/// Changing the email: the current password is asked for, a link goes to the new address (the change happens when it is
/// opened), and the old address is told that a change was asked for.
/// </summary>
public sealed class Email(UserManager<ApplicationUser> users, AccountEmails emails, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty]
    public EmailInput Input { get; set; } = new();

    public string CurrentEmail { get; private set; } = string.Empty;

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        CurrentEmail = user.Email ?? string.Empty;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        CurrentEmail = user.Email ?? string.Empty;
        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (!await users.CheckPasswordAsync(user, Input.CurrentPassword))
        {
            ModelState.AddModelError("Input.CurrentPassword", text["Identity.PasswordMismatch"]);
            return Page();
        }

        var newEmail = Input.NewEmail.Trim();
        if (string.Equals(newEmail, user.Email, StringComparison.OrdinalIgnoreCase))
        {
            ModelState.AddModelError("Input.NewEmail", text["Profile.EmailUnchanged"]);
            return Page();
        }

        var owner = await users.FindByEmailAsync(newEmail);
        if (owner is not null)
        {
            ModelState.AddModelError("Input.NewEmail", text["Identity.DuplicateEmail", newEmail]);
            return Page();
        }

        await emails.QueueEmailChangeAsync(user, newEmail, cancellationToken);
        StatusMessage = text["Profile.EmailChangeSent", newEmail];
        return RedirectToPage();
    }

    public sealed class EmailInput
    {
        [Required(ErrorMessage = "Validation.Required")]
        [Email]
        [Display(Name = "Field.NewEmail")]
        public string NewEmail { get; set; } = string.Empty;

        [Required(ErrorMessage = "Validation.Required")]
        [DataType(DataType.Password)]
        [Display(Name = "Field.CurrentPassword")]
        public string CurrentPassword { get; set; } = string.Empty;
    }
}
