using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ServiceBooking.Web.Platform.Data;
using ServiceBooking.Web.Platform.Localization;

namespace ServiceBooking.Web.Platform.Pages.Culture;

/// <summary>The language switch in the footer: remembers the choice in a cookie and, when signed in, in the account.</summary>
[AllowAnonymous]
public sealed class Index(UserManager<ApplicationUser> users) : PageModel
{
    public IActionResult OnGet() => LocalRedirect("~/");

    public async Task<IActionResult> OnPostAsync(string? culture, string? returnUrl)
    {
        if (!Cultures.IsSupported(culture))
        {
            return BadRequest();
        }

        var name = Cultures.Get(culture).Name;
        CultureCookie.Append(Response, name);
        if (await users.GetUserAsync(User) is { } user && user.PreferredCulture != name)
        {
            user.PreferredCulture = name;
            await users.UpdateAsync(user);
        }

        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "~/");
    }
}
