using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServiceBooking.Web.Modules.Accounts;
using ServiceBooking.Web.Platform.Data;
using ServiceBooking.Web.Platform.Localization;
using ServiceBooking.Web.Platform.Hosting;
using ServiceBooking.Web.Platform.Validation;

namespace ServiceBooking.Web.Modules.Accounts.Pages.Account;

[AllowAnonymous]
[EnableRateLimiting(RateLimits.Register)]
public sealed class Register(
    UserManager<ApplicationUser> users, AccountEmails emails, ApplicationDbContext db, Throttle throttle, IStringLocalizer<SharedResource> text)
    : PageModel
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

        if (await throttle.TryAsync(ThrottleKind.RegisterEmail, Input.Email, cancellationToken) is { } wait)
        {
            return new TooManyRequestsResult(wait);
        }

        var user = new ApplicationUser
        {
            UserName = Input.Nickname.Trim(),
            Email = Input.Email.Trim(),
            FirstName = Input.FirstName.Trim(),
            LastName = Input.LastName.Trim(),
            Patronymic = string.IsNullOrWhiteSpace(Input.Patronymic) ? null : Input.Patronymic.Trim(),
            PreferredCulture = CultureInfo.CurrentUICulture.Name,
        };

        // The account, its role and its confirmation email are stored together, or not at all.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        IdentityResult created;
        try
        {
            created = await users.CreateAsync(user, Input.Password);
        }
        catch (DbUpdateException error) when (UniqueViolation.Constraint(error) is { } constraint)
        {
            // Someone registered the same nickname or email a moment ago, between Identity's check and our insert.
            var field = constraint.Contains("email", StringComparison.OrdinalIgnoreCase) ? "Input.Email" : "Input.Nickname";
            ModelState.AddModelError(field, text[field == "Input.Email" ? "Identity.DuplicateEmail" : "Identity.DuplicateUserName",
                field == "Input.Email" ? Input.Email : Input.Nickname]);
            return Page();
        }

        if (!created.Succeeded)
        {
            created.AddTo(ModelState, Fields);
            return Page();
        }

        await users.AddToRoleAsync(user, Roles.Client);
        await emails.QueueConfirmationAsync(user, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return RedirectToPage("RegisterConfirmation", new { email = user.Email });
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
