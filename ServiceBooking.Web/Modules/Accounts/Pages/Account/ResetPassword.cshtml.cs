using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using ServiceBooking.Web.Platform.Data;

namespace ServiceBooking.Web.Modules.Accounts.Pages.Account;

/// <summary>The link from the reset email: choose a new password. A successful reset also lifts a lockout.</summary>
[AllowAnonymous]
public sealed class ResetPassword(UserManager<ApplicationUser> users, IStringLocalizer<SharedResource> text) : PageModel
{
    private static readonly Dictionary<string, string> Fields = new() { ["Password"] = "Input.Password" };

    [BindProperty]
    public ResetInput Input { get; set; } = new();

    public bool LinkBroken { get; private set; }

    public void OnGet(string? userId, string? code)
    {
        Input.UserId = userId ?? string.Empty;
        Input.Code = code ?? string.Empty;
        LinkBroken = userId is null || Tokens.Decode(code) is null;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!string.IsNullOrEmpty(Input.Password))
        {
            (await users.ValidatePasswordRulesAsync(null, Input.Password)).AddTo(ModelState, Fields);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await users.FindByIdAsync(Input.UserId);
        var token = Tokens.Decode(Input.Code);
        if (user is null || token is null)
        {
            LinkBroken = true;
            return Page();
        }

        var result = await users.ResetPasswordAsync(user, token, Input.Password);
        if (!result.Succeeded)
        {
            LinkBroken = result.Errors.Any(e => e.Code == "InvalidToken");
            result.AddTo(ModelState, Fields);
            return Page();
        }

        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        TempData["StatusMessage"] = text["ResetPassword.Done"].Value;
        return RedirectToPage("Login");
    }

    public sealed class ResetInput
    {
        public string UserId { get; set; } = string.Empty;

        public string Code { get; set; } = string.Empty;

        [Required(ErrorMessage = "Validation.Required")]
        [DataType(DataType.Password)]
        [Display(Name = "Field.NewPassword")]
        public string Password { get; set; } = string.Empty;

        [Required(ErrorMessage = "Validation.Required")]
        [Compare(nameof(Password), ErrorMessage = "Validation.PasswordsDoNotMatch")]
        [DataType(DataType.Password)]
        [Display(Name = "Field.ConfirmPassword")]
        public string ConfirmPassword { get; set; } = string.Empty;
    }
}
