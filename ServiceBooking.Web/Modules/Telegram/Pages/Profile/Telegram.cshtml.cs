using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using ServiceBooking.Web.Platform;
using ServiceBooking.Web.Platform.Data;

namespace ServiceBooking.Web.Modules.Telegram.Pages.Profile;

/// <summary>The person's Telegram chat: link it with a one-time code, or unlink it.</summary>
public sealed class Telegram(TelegramLinks links, UserManager<ApplicationUser> users, WorkshopClock clock, IStringLocalizer<SharedResource> text) : PageModel
{
    public ChatLink? Link { get; private set; }

    /// <summary>The code just made (shown once, on the answer to the post that made it).</summary>
    public LinkCode? Code { get; private set; }

    public bool BotReady => links.BotReady;

    public string? BotUsername => links.BotUsername;

    /// <summary>When the chat was linked, on the workshop's clock.</summary>
    public DateTime LinkedAt(ChatLink link) => clock.Local(link.LinkedAt);

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Link = await links.LinkOfAsync(users.GetUserId(User)!, cancellationToken);

    public async Task<IActionResult> OnPostCodeAsync(CancellationToken cancellationToken)
    {
        var userId = users.GetUserId(User)!;
        if (links.BotReady)
        {
            Code = await links.NewCodeAsync(userId, cancellationToken);
        }

        Link = await links.LinkOfAsync(userId, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostUnlinkAsync(CancellationToken cancellationToken)
    {
        if (await users.GetUserAsync(User) is { } user && await links.UnlinkAsync(user, cancellationToken))
        {
            StatusMessage = text["Telegram.Profile.Unlinked"];
        }

        return RedirectToPage();
    }
}
