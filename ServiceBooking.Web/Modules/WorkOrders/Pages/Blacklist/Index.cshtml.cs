using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using ServiceBooking.Domain.Common;
using ServiceBooking.Domain.WorkOrders;
using ServiceBooking.Web.Platform.Data;
using ServiceBooking.Web.Platform.Localization;
using ServiceBooking.Web.Platform.Validation;

namespace ServiceBooking.Web.Modules.WorkOrders.Pages.Blacklist;

/// <summary>The client blacklist (supervisors and the Admin): who is on it and why, adding a client, lifting an entry.</summary>
public sealed class Index(WorkOrders.Blacklist blacklist, UserManager<ApplicationUser> users, IStringLocalizer<SharedResource> text) : PageModel
{
    private static readonly Dictionary<string, string> Fields = new()
    {
        ["Blacklist.UnknownAccount"] = "Input.Account",
        ["Blacklist.Reason"] = "Input.Reason",
        ["Phone"] = "Input.Phone",
    };

    [BindProperty]
    public EntryInput Input { get; set; } = new();

    public IReadOnlyList<BlacklistRow> Entries { get; private set; } = [];

    [TempData]
    public string? StatusMessage { get; set; }

    [TempData]
    public string? ErrorMessage { get; set; }

    /// <summary>The list, and the form filled in when an order's page sends its client here (<c>?phone=…&amp;reason=…</c>).</summary>
    public async Task OnGetAsync(string? phone, string? reason, CancellationToken cancellationToken)
    {
        Input = new EntryInput { Phone = phone is null ? null : Phones.Display(phone), Reason = reason };
        Entries = await blacklist.ActiveAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            switch (await blacklist.AddAsync(users.GetUserId(User)!, Input.Account, Input.Phone, Input.Reason, cancellationToken))
            {
                case Blacklisted.Added:
                    StatusMessage = text["WorkOrders.Blacklist.Added"];
                    return RedirectToPage();
                case Blacklisted.Refused refused:
                    ModelState.AddDomainError(refused.Error, text, Fields);
                    break;
            }
        }

        Entries = await blacklist.ActiveAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostLiftAsync(int id, CancellationToken cancellationToken)
    {
        try
        {
            if (await blacklist.LiftAsync(users.GetUserId(User)!, id, cancellationToken) is null)
            {
                return NotFound();
            }

            StatusMessage = text["WorkOrders.Blacklist.Lifted"];
        }
        catch (DomainException refusal)
        {
            ErrorMessage = text.Message(refusal);
        }

        return RedirectToPage();
    }

    public sealed class EntryInput
    {
        [StringLength(256, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "WorkOrders.Field.Account")]
        public string? Account { get; set; }

        [StringLength(40, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Field.Phone")]
        public string? Phone { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(BlacklistEntry.MaxReasonLength, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Field.Reason")]
        public string? Reason { get; set; }
    }
}
