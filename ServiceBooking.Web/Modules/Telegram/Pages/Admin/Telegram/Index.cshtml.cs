using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using ServiceBooking.Web.Platform.Data;

namespace ServiceBooking.Web.Modules.Telegram.Pages.Admin.Telegram;

/// <summary>The Admin enters the bot's token (checked with Telegram before it is kept) or removes it; the bot's state.</summary>
public sealed class Index(TelegramSetup setup, UserManager<ApplicationUser> users, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty]
    public TokenInput Input { get; set; } = new();

    public BotStatus Status { get; private set; } = default!;

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Status = await setup.StatusAsync(cancellationToken);

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var check = await setup.SaveAsync(Input.Token, users.GetUserId(User)!, cancellationToken);
            if (check == TokenCheck.Saved)
            {
                StatusMessage = text["Telegram.Admin.Saved"];
                return RedirectToPage();
            }

            ModelState.AddModelError("Input.Token", text[$"Telegram.Admin.Token.{check}"]);
        }

        Status = await setup.StatusAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(CancellationToken cancellationToken)
    {
        if (await setup.RemoveAsync(cancellationToken))
        {
            StatusMessage = text["Telegram.Admin.Removed"];
        }

        return RedirectToPage();
    }

    public sealed class TokenInput
    {
        [Display(Name = "Telegram.Admin.Token")]
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(200, ErrorMessage = "Validation.MaxLength")]
        public string? Token { get; set; }
    }
}
