using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using ServiceBooking.Web.Accounts;
using ServiceBooking.Web.Data;
using ServiceBooking.Web.Validation;

namespace ServiceBooking.Web.Pages.Profile;

/// <summary>Changing the email: a link goes to the new address, and the change happens when it is opened.</summary>
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

        var code = Tokens.Encode(await users.GenerateChangeEmailTokenAsync(user, newEmail));
        var link = Url.Page("/Account/ConfirmEmailChange", pageHandler: null, new { userId = user.Id, email = newEmail, code }, Request.Scheme)!;
        await emails.QueueEmailChangeAsync(user, newEmail, link, cancellationToken);
        StatusMessage = text["Profile.EmailChangeSent", newEmail];
        return RedirectToPage();
    }

    public sealed class EmailInput
    {
        [Required(ErrorMessage = "Validation.Required")]
        [Email]
        [Display(Name = "Field.NewEmail")]
        public string NewEmail { get; set; } = string.Empty;
    }
}
