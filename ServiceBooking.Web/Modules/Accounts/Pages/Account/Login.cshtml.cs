using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using ServiceBooking.Web.Platform.Hosting;
using ServiceBooking.Web.Platform.Localization;

namespace ServiceBooking.Web.Modules.Accounts.Pages.Account;

/// <summary>Sign-in by nickname or email; limited per address (the middleware) and per login (<see cref="PasswordSignIn"/>).</summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.SignIn)]
public sealed class Login(PasswordSignIn signIn, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty]
    public LoginInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>Minutes until a locked account may try again; set when the lockout message is shown.</summary>
    public int? LockedMinutes { get; private set; }

    public bool NotConfirmed { get; private set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        switch (await signIn.SignInAsync(Input.Login, Input.Password, Input.RememberMe, cancellationToken))
        {
            case SignInOutcome.SignedIn signedIn:
                CultureCookie.Append(Response, signedIn.User.PreferredCulture);
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : Url.Content("~/"));
            case SignInOutcome.Throttled throttled:
                return new TooManyRequestsResult(throttled.RetryAfter);
            case SignInOutcome.LockedOut locked:
                LockedMinutes = locked.Minutes;
                return Page();
            case SignInOutcome.NotConfirmed:
                NotConfirmed = true;
                return Page();
            default:
                ModelState.AddModelError(string.Empty, text["Login.Invalid"]);
                return Page();
        }
    }

    public sealed class LoginInput
    {
        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Field.Login")]
        public string Login { get; set; } = string.Empty;

        [Required(ErrorMessage = "Validation.Required")]
        [DataType(DataType.Password)]
        [Display(Name = "Field.Password")]
        public string Password { get; set; } = string.Empty;

        [Display(Name = "Field.RememberMe")]
        public bool RememberMe { get; set; }
    }
}
