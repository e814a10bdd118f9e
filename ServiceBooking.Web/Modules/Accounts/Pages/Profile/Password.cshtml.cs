using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using ServiceBooking.Web.Platform.Data;

namespace ServiceBooking.Web.Modules.Accounts.Pages.Profile;

public sealed class Password(UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn, IStringLocalizer<SharedResource> text)
    : PageModel
{
    private static readonly Dictionary<string, string> Fields = new()
    {
        ["CurrentPassword"] = "Input.CurrentPassword",
        ["Password"] = "Input.NewPassword",
    };

    [BindProperty]
    public PasswordInput Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (!string.IsNullOrEmpty(Input.NewPassword))
        {
            (await users.ValidatePasswordRulesAsync(user, Input.NewPassword)).AddTo(ModelState, Fields);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await users.ChangePasswordAsync(user, Input.CurrentPassword, Input.NewPassword);
        if (!result.Succeeded)
        {
            result.AddTo(ModelState, Fields);
            return Page();
        }

        await signIn.RefreshSignInAsync(user);
        StatusMessage = text["Profile.PasswordChanged"];
        return RedirectToPage();
    }

    public sealed class PasswordInput
    {
        [Required(ErrorMessage = "Validation.Required")]
        [DataType(DataType.Password)]
        [Display(Name = "Field.CurrentPassword")]
        public string CurrentPassword { get; set; } = string.Empty;

        [Required(ErrorMessage = "Validation.Required")]
        [DataType(DataType.Password)]
        [Display(Name = "Field.NewPassword")]
        public string NewPassword { get; set; } = string.Empty;

        [Required(ErrorMessage = "Validation.Required")]
        [Compare(nameof(NewPassword), ErrorMessage = "Validation.PasswordsDoNotMatch")]
        [DataType(DataType.Password)]
        [Display(Name = "Field.ConfirmPassword")]
        public string ConfirmPassword { get; set; } = string.Empty;
    }
}
