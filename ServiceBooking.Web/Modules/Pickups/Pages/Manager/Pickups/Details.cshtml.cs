using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using ServiceBooking.Web.Platform;
using ServiceBooking.Web.Platform.Data;
using ServiceBooking.Web.Platform.Localization;

namespace ServiceBooking.Web.Modules.Pickups.Pages.Manager.Pickups;

/// <summary>
/// One request for the desk: the manager proposes a time and a price (again, while the client has not answered), sees
/// why an agreed request waits, downloads the invoice and marks it paid.
/// </summary>
public sealed class Details(PickupRequests requests, PickupInvoices invoices, UserManager<ApplicationUser> users, WorkshopClock clock,
    IStringLocalizer<SharedResource> text) : PageModel
{
    [FromRoute]
    public int Id { get; set; }

    [BindProperty]
    public ProposalInput Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public PickupRow Pickup { get; private set; } = default!;

    public string MinTime => clock.LocalNow.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);

    private string Manager => users.GetUserId(User)!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await requests.DetailsAsync(Id, cancellationToken) is not { } request)
        {
            return NotFound();
        }

        Pickup = request;
        // The client's wish as the first proposal: the start of their window on their day.
        Input.ProposedFor = request.ProposedFor ?? request.WishedDate.ToDateTime(request.WindowFrom);
        Input.Price = request.Price?.Amount;
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            switch (await requests.ConfirmAsync(Manager, Id, Input.ProposedFor!.Value, Input.Price!.Value, cancellationToken))
            {
                case PickupChange.NotFound:
                    return NotFound();
                case PickupChange.Done:
                    StatusMessage = text["Pickups.Confirmed"];
                    return RedirectToPage(new { Id });
                case PickupChange.Refused refused:
                    var field = refused.Error.Code switch
                    {
                        "Pickup.ProposedInPast" => "Input.ProposedFor",
                        var code when code.StartsWith("Money", StringComparison.Ordinal) => "Input.Price",
                        _ => string.Empty,
                    };
                    ModelState.AddModelError(field, text.Message(refused.Error));
                    break;
            }
        }

        return await DetailsAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostPaidAsync(CancellationToken cancellationToken)
    {
        switch (await requests.MarkPaidAsync(Manager, Id, cancellationToken))
        {
            case PickupChange.NotFound:
                return NotFound();
            case PickupChange.Refused refused:
                StatusMessage = text.Message(refused.Error);
                break;
            default:
                StatusMessage = text["Pickups.Paid"];
                break;
        }

        return RedirectToPage(new { Id });
    }

    public async Task<IActionResult> OnGetInvoiceAsync(CancellationToken cancellationToken) =>
        await invoices.FileAsync(Id, clientId: null, CultureInfo.CurrentUICulture, cancellationToken) is { } file
            ? File(file.Content, PickupInvoices.ContentType, file.FileName)
            : NotFound();

    private async Task<IActionResult> DetailsAsync(CancellationToken cancellationToken)
    {
        if (await requests.DetailsAsync(Id, cancellationToken) is not { } request)
        {
            return NotFound();
        }

        Pickup = request;
        return Page();
    }

    public sealed class ProposalInput
    {
        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Pickups.Field.ProposedFor")]
        public DateTime? ProposedFor { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Pickups.Field.Price")]
        public decimal? Price { get; set; }
    }
}
