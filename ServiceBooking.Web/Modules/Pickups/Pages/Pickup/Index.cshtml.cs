using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using ServiceBooking.Web.Platform;
using ServiceBooking.Web.Platform.Data;
using ServiceBooking.Web.Platform.Localization;

namespace ServiceBooking.Web.Modules.Pickups.Pages.Pickup;

/// <summary>
/// The client's pick-ups: the form to have a car collected (their own car, the address, the district, the wished day
/// and window, a comment), their requests with where each stands, the manager's proposal to agree to or decline, and
/// the invoice to download once the car is collected.
/// </summary>
public sealed class Index(PickupRequests requests, PickupInvoices invoices, UserManager<ApplicationUser> users, WorkshopClock clock,
    IStringLocalizer<SharedResource> text) : PageModel
{
    /// <summary>Which message of a domain code goes next to which field.</summary>
    private static readonly IReadOnlyDictionary<string, string> Fields = new Dictionary<string, string>
    {
        ["Pickup.NoCar"] = "Input.CarId",
        ["Pickup.NoDistrict"] = "Input.DistrictId",
        ["Pickup.Address"] = "Input.Address",
        ["Pickup.Date"] = "Input.WishedDate",
        ["Pickup.Window"] = "Input.To",
        ["Pickup.Comment"] = "Input.Comment",
    };

    [BindProperty]
    public PickupInput Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public IReadOnlyList<PickupOption> Cars { get; private set; } = [];

    public IReadOnlyList<PickupOption> Districts { get; private set; } = [];

    public IReadOnlyList<PickupRow> Requests { get; private set; } = [];

    public DateOnly Today => clock.Today;

    private string Client => users.GetUserId(User)!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Input.WishedDate = clock.Today.AddDays(1);
        await LoadAsync(cancellationToken);
        if (Cars.Count == 1)
        {
            Input.CarId = Cars[0].Id;
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var draft = new PickupDraft(Input.CarId, Input.Address, Input.DistrictId, Input.WishedDate, Input.From, Input.To, Input.Comment);
            switch (await requests.RequestAsync(Client, draft, cancellationToken))
            {
                case PickupChange.Done:
                    StatusMessage = text["Pickup.Requested"];
                    return RedirectToPage();
                case PickupChange.Refused refused:
                    var code = refused.Error.Code;
                    var field = Fields.FirstOrDefault(f => code.StartsWith(f.Key, StringComparison.Ordinal)).Value ?? string.Empty;
                    ModelState.AddModelError(field, text.Message(refused.Error));
                    break;
            }
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    /// <summary>The client answers the manager's proposal here (the email's links do the same without signing in).</summary>
    public async Task<IActionResult> OnPostAnswerAsync(int id, bool agree, long? proposal, CancellationToken cancellationToken)
    {
        switch (await requests.AnswerMineAsync(Client, id, agree, proposal, cancellationToken))
        {
            case PickupChange.NotFound:
                return NotFound();
            case PickupChange.Refused refused:
                StatusMessage = text.Message(refused.Error);
                break;
            default:
                StatusMessage = text[agree ? "Pickup.Agreed" : "Pickup.Declined"];
                break;
        }

        return RedirectToPage();
    }

    /// <summary>The invoice of the client's own request, as a PDF in their language.</summary>
    public async Task<IActionResult> OnGetInvoiceAsync(int id, CancellationToken cancellationToken) =>
        await invoices.FileAsync(id, Client, System.Globalization.CultureInfo.CurrentUICulture, cancellationToken) is { } file
            ? File(file.Content, PickupInvoices.ContentType, file.FileName)
            : NotFound();

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        (Cars, Districts) = await requests.OptionsAsync(Client, cancellationToken);
        Requests = await requests.MineAsync(Client, cancellationToken);
    }

    public sealed class PickupInput
    {
        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Field.Car")]
        public int? CarId { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Field.PickupAddress")]
        public string? Address { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Field.District")]
        public int? DistrictId { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Field.WishedDate")]
        public DateOnly? WishedDate { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Field.WindowFrom")]
        public TimeOnly? From { get; set; } = new(10, 0);

        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Field.WindowTo")]
        public TimeOnly? To { get; set; } = new(13, 0);

        [Display(Name = "Field.Comment")]
        public string? Comment { get; set; }
    }
}
