using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using ServiceBooking.Domain.WorkOrders;
using ServiceBooking.Web.Modules.Accounts;
using ServiceBooking.Web.Platform.Localization;

namespace ServiceBooking.Web.Modules.WorkOrders.Pages.Staff;

/// <summary>
/// Adds a member of staff (no id: the account, its role and the welcome email) or edits one (name, phone, kind). The
/// kinds offered are those the actor manages (<see cref="StaffRules"/>); someone else's is a 404.
/// </summary>
public sealed class Edit(StaffDirectory staff, IStringLocalizer<SharedResource> text) : PageModel
{
    [FromRoute]
    public string? Id { get; set; }

    [BindProperty]
    public StaffInput Input { get; set; } = new();

    /// <summary>The kinds the actor may give.</summary>
    public IReadOnlyList<StaffKind> Kinds { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var actor = Offer();
        if (Id is not null)
        {
            if (await staff.FindAsync(actor, Id, cancellationToken) is not { } member)
            {
                return NotFound();
            }

            Input = new StaffInput { Kind = member.Kind };
            Input.Show(member.Nickname, member.Email, member.Name, member.Phone);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var actor = Offer();
        if (Id is not null)
        {
            // Nickname and email are not changed here; they only have to pass validation.
            ModelState.Remove("Input.Nickname");
            ModelState.Remove("Input.Email");
        }

        if (!ModelState.IsValid)
        {
            return Id is not null && await staff.FindAsync(actor, Id, cancellationToken) is null ? NotFound() : Page();
        }

        var draft = new StaffDraft(Input.Nickname, Input.Email, Input.LastName, Input.FirstName, Input.Patronymic, Input.Phone, Input.Kind!.Value);
        var saved = Id is null ? await staff.CreateAsync(actor, draft, cancellationToken) : await staff.UpdateAsync(actor, Id, draft, cancellationToken);
        switch (saved)
        {
            case StaffSaved.Saved done:
                TempData["StatusMessage"] = text[Id is null ? "WorkOrders.Staff.Created" : "WorkOrders.Staff.Saved", done.User.UserName ?? done.User.Id].Value;
                return RedirectToPage("Index");
            case StaffSaved.NotFound:
                return NotFound();
            case StaffSaved.Refused refused:
                ModelState.AddModelError(refused.Error.Code.StartsWith("Phone.", StringComparison.Ordinal) ? "Input.Phone" : "Input.Kind", text.Message(refused.Error));
                return Page();
            case StaffSaved.Failed failed:
                foreach (var error in failed.Errors)
                {
                    var field = error.Code.Contains("Email", StringComparison.Ordinal) ? "Input.Email"
                        : error.Code.Contains("UserName", StringComparison.Ordinal) ? "Input.Nickname" : string.Empty;
                    ModelState.AddModelError(field, error.Description);
                }

                return Page();
            default:
                throw new InvalidOperationException("Unknown outcome.");
        }
    }

    private WorkshopActor Offer()
    {
        var actor = WorkshopActor.Of(User);
        Kinds = [.. Enum.GetValues<StaffKind>().Where(k => StaffRules.MayManage(actor.IsAdmin, actor.IsSupervisor, k))];
        return actor;
    }

    public sealed class StaffInput : StaffAccountInput
    {
        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "WorkOrders.Field.StaffKind")]
        public StaffKind? Kind { get; set; }
    }
}
