using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ServiceBooking.Domain.Accounts;
using ServiceBooking.Web.Platform.Data;

namespace ServiceBooking.Web.Modules.Campaigns.Pages;

/// <summary>
/// The unsubscribe link of every promo email. It works without signing in: the signed token names the account.
/// A GET shows one button (link checkers that follow links must not unsubscribe anyone); the POST unsubscribes, and
/// it is also what mail clients send for one-click unsubscribing (RFC 8058, <c>List-Unsubscribe=One-Click</c>),
/// which is why it takes no antiforgery token: the token in the link is the proof.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class Unsubscribe(UnsubscribeTokens tokens, UserManager<ApplicationUser> users, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    public bool Valid { get; private set; }

    public bool Done { get; private set; }

    /// <summary>The account's address, masked: whoever holds the link sees whose it is, not the whole address.</summary>
    public string? Email { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await FindAsync();
        Valid = user is not null;
        Email = Masked(user);
        Done = user?.PromoOptOut ?? false;
        return Valid ? Page() : BadRequestPage();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await FindAsync();
        if (user is null)
        {
            return BadRequestPage();
        }

        if (!user.PromoOptOut)
        {
            user.PromoOptOut = true;
            user.PromoOptOutAt = clock.GetUtcNow();
            await users.UpdateAsync(user);
        }

        (Valid, Done, Email) = (true, true, Masked(user));
        return Page();
    }

    private static string? Masked(ApplicationUser? user) => user?.Email is { } email ? EmailAddress.Mask(email) : null;

    private async Task<ApplicationUser?> FindAsync() => tokens.Read(Token) is { } id ? await users.FindByIdAsync(id) : null;

    /// <summary>A link that was cut or altered: the page says so, with status 400.</summary>
    private PageResult BadRequestPage()
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
