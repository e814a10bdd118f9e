using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using ServiceBooking.Web.Platform.Data;
using ServiceBooking.Web.Platform.Hosting;
using ServiceBooking.Web.Platform.Validation;

namespace ServiceBooking.Web.Modules.Accounts.Pages.Account;

[AllowAnonymous]
[EnableRateLimiting(RateLimits.Register)]
public sealed class Register(UserManager<ApplicationUser> users, Registration registration, IStringLocalizer<SharedResource> text) : PageModel
{
    private static readonly Dictionary<string, string> Fields = new()
    {
        ["UserName"] = "Input.Nickname",
        ["Email"] = "Input.Email",
        ["Password"] = "Input.Password",
    };

    [BindProperty]
    public RegisterInput Input { get; set; } = new();

    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? RedirectToPage("/Index") : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(Input.Password) && ModelState.GetFieldValidationState("Input.Password") != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
        {
            (await users.ValidatePasswordRulesAsync(null, Input.Password)).AddTo(ModelState, Fields);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var draft = new RegistrationDraft(Input.Nickname.Trim(), Input.Email.Trim(), Input.LastName.Trim(), Input.FirstName.Trim(),
            string.IsNullOrWhiteSpace(Input.Patronymic) ? null : Input.Patronymic.Trim(), Input.Password, CultureInfo.CurrentUICulture.Name);
        switch (await registration.RegisterAsync(draft, cancellationToken))
        {
            case Registered.Done done:
                return RedirectToPage("RegisterConfirmation", new { email = done.User.Email });
            case Registered.Throttled throttled:
                return new TooManyRequestsResult(throttled.RetryAfter);
            case Registered.Raced raced:
                ModelState.AddModelError(raced.Email ? "Input.Email" : "Input.Nickname",
                    text[raced.Email ? "Identity.DuplicateEmail" : "Identity.DuplicateUserName", raced.Email ? Input.Email : Input.Nickname]);
                return Page();
            case Registered.Refused refused:
                refused.Result.AddTo(ModelState, Fields);
                return Page();
            default:
                throw new InvalidOperationException("Unknown outcome.");
        }
    }

    public sealed class RegisterInput
    {
        [Required(ErrorMessage = "Validation.Required")]
        [Nickname]
        [Display(Name = "Field.Nickname")]
        public string Nickname { get; set; } = string.Empty;

        [Required(ErrorMessage = "Validation.Required")]
        [Email]
        [Display(Name = "Field.Email")]
        public string Email { get; set; } = string.Empty;

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

        [Required(ErrorMessage = "Validation.Required")]
        [DataType(DataType.Password)]
        [Display(Name = "Field.Password")]
        public string Password { get; set; } = string.Empty;

        [Required(ErrorMessage = "Validation.Required")]
        [Compare(nameof(Password), ErrorMessage = "Validation.PasswordsDoNotMatch")]
        [DataType(DataType.Password)]
        [Display(Name = "Field.ConfirmPassword")]
        public string ConfirmPassword { get; set; } = string.Empty;
    }
}
