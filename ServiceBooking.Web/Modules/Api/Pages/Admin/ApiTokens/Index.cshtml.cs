using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using ServiceBooking.Domain.Common;
using ServiceBooking.Web.Platform;
using ServiceBooking.Web.Platform.Data;
using ServiceBooking.Web.Platform.Localization;
using ServiceBooking.Web.Platform.Validation;

namespace ServiceBooking.Web.Modules.Api.Pages.Admin.ApiTokens;

/// <summary>
/// The Admin's API tokens (<see cref="Api.ApiTokens"/>): the list with scopes, the account each acts as and its last use;
/// issuing one (shown once, on the answer to the form, never stored or sent again); revoking one.
/// </summary>
public sealed class Index(Api.ApiTokens tokens, UserManager<ApplicationUser> users, WorkshopClock clock, IStringLocalizer<SharedResource> text) : PageModel
{
    private static readonly Dictionary<string, string> Fields = new()
    {
        ["ApiToken.Name"] = $"{nameof(Input)}.{nameof(IssueInput.Name)}",
        ["ApiToken.NoAccount"] = $"{nameof(Input)}.{nameof(IssueInput.ActsAs)}",
        ["Api."] = $"{nameof(Input)}.{nameof(IssueInput.Scopes)}",
    };

    [BindProperty]
    public IssueInput Input { get; set; } = new();

    public IReadOnlyList<ApiTokenRow> Tokens { get; private set; } = [];

    public IReadOnlyList<ApiAccountOption> Accounts { get; private set; } = [];

    /// <summary>The token just issued: on this answer only.</summary>
    public IssuedToken? Issued { get; private set; }

    [TempData]
    public string? StatusMessage { get; set; }

    /// <summary>An instant on the workshop's clock: "02.12.2026 14:30".</summary>
    public string When(DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, clock.Zone).DateTime;
        return $"{DateOnly.FromDateTime(local).Day()} {TimeOnly.FromDateTime(local).Time()}";
    }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostIssueAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            try
            {
                Issued = await tokens.IssueAsync(users.GetUserId(User)!, Input.Name, Input.Scopes, Input.ActsAs, cancellationToken);
                Input = new IssueInput();
                ModelState.Clear();
            }
            catch (DomainException error)
            {
                ModelState.AddDomainError(error, text, Fields);
            }
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id, CancellationToken cancellationToken)
    {
        try
        {
            if (!await tokens.RevokeAsync(users.GetUserId(User)!, id, cancellationToken))
            {
                return NotFound();
            }

            StatusMessage = text["Admin.ApiTokens.Revoked"];
        }
        catch (DomainException error)
        {
            StatusMessage = text.Message(error);
        }

        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Tokens = await tokens.ListAsync(cancellationToken);
        Accounts = await tokens.AccountsAsync(cancellationToken);
    }

    public sealed class IssueInput
    {
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(Domain.Api.ApiToken.MaxNameLength, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Admin.ApiTokens.Name")]
        public string? Name { get; set; }

        [Display(Name = "Admin.ApiTokens.Scopes")]
        public List<string> Scopes { get; set; } = [];

        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Admin.ApiTokens.ActsAs")]
        public string? ActsAs { get; set; }
    }
}
