using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using ServiceBooking.Domain.Accounts;
using ServiceBooking.Web.Platform.Data;
using ServiceBooking.Web.Platform.Validation;

namespace ServiceBooking.Web.Modules.Accounts.Pages.Profile;

/// <summary>One's own data: name and phone. Email and password have their own pages.</summary>
public sealed class Index(
    UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn, TimeProvider clock, IStringLocalizer<SharedResource> text)
    : PageModel
{
    [BindProperty]
    public ProfileInput Input { get; set; } = new();

    public string Nickname { get; private set; } = string.Empty;

    public string Email { get; private set; } = string.Empty;

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        Show(user);
        Input = new ProfileInput
        {
            FirstName = user.FirstName,
            LastName = user.LastName,
            Patronymic = user.Patronymic,
            Phone = user.PhoneNumber is null ? null : PhoneNumber.Parse(user.PhoneNumber).Display,
            WantsPromo = !user.PromoOptOut,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        Show(user);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        user.FirstName = Input.FirstName.Trim();
        user.LastName = Input.LastName.Trim();
        user.Patronymic = string.IsNullOrWhiteSpace(Input.Patronymic) ? null : Input.Patronymic.Trim();
        user.PhoneNumber = string.IsNullOrWhiteSpace(Input.Phone) ? null : PhoneNumber.Parse(Input.Phone).Value;
        if (user.PromoOptOut == Input.WantsPromo)
        {
            user.PromoOptOut = !Input.WantsPromo;
            user.PromoOptOutAt = Input.WantsPromo ? null : clock.GetUtcNow();
        }

        var result = await users.UpdateAsync(user);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(string.Empty, error.Description);
            }

            return Page();
        }

        await signIn.RefreshSignInAsync(user);
        StatusMessage = text["Profile.Saved"];
        return RedirectToPage();
    }

    private void Show(ApplicationUser user)
    {
        Nickname = user.UserName ?? string.Empty;
        Email = user.Email ?? string.Empty;
    }

    public sealed class ProfileInput
    {
        [Required(ErrorMessage = "Validation.Required")]
        [NamePart("LastName")]
        [Display(Name = "Field.LastName")]
        public string LastName { get; set; } = string.Empty;

        [Required(ErrorMessage = "Validation.Required")]
        [NamePart("FirstName")]
        [Display(Name = "Field.FirstName")]
        public string FirstName { get; set; } = string.Empty;

        [NamePart("Patronymic")]
        [Display(Name = "Field.Patronymic")]
        public string? Patronymic { get; set; }

        [PhoneNumber]
        [Display(Name = "Field.Phone")]
        public string? Phone { get; set; }

        /// <summary>Promo campaigns by email; service mail (bookings, reminders) comes either way.</summary>
        [Display(Name = "Field.WantsPromo")]
        public bool WantsPromo { get; set; }
    }
}
