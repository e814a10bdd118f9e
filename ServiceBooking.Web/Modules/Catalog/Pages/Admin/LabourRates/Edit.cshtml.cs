using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServiceBooking.Domain.Catalog;
using ServiceBooking.Domain.Common;
using ServiceBooking.Web.Modules.Accounts;
using ServiceBooking.Web.Platform.Data;
using ServiceBooking.Web.Platform.Localization;
using ServiceBooking.Web.Platform.Validation;

namespace ServiceBooking.Web.Modules.Catalog.Pages.Admin.LabourRates;

/// <summary>Creates a labour rate (no id) or edits one. A new price applies to quotes from now on; stored bookings keep theirs.</summary>
public sealed class Edit(ApplicationDbContext db, IStringLocalizer<SharedResource> text) : PageModel
{
    private const string NameIndex = "ix_labour_rates_name";

    private static readonly Dictionary<string, string> Fields = new()
    {
        ["LabourRate.Name"] = "Input.Name",
        ["LabourRate.Kind"] = "Input.Kind",
        ["LabourRate.Price"] = "Input.Price",
        ["Money"] = "Input.Price",
    };

    [BindProperty]
    public LabourRateInput Input { get; set; } = new();

    [FromRoute]
    public int? Id { get; set; }

    public IEnumerable<SelectListItem> Kinds =>
        Enum.GetValues<LabourKind>().Select(kind => new SelectListItem(text[KindKey(kind)], kind.ToString()));

    /// <summary>The resource key of a kind's name: "LabourKind.Maintenance".</summary>
    public static string KindKey(LabourKind kind) => $"LabourKind.{kind}";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (Id is null)
        {
            return Page();
        }

        var rate = await db.LabourRates.AsNoTracking().SingleOrDefaultAsync(r => r.Id == Id, cancellationToken);
        if (rate is null)
        {
            return NotFound();
        }

        Input = new LabourRateInput { Name = rate.Name, Kind = rate.Kind, Price = rate.PricePerHour.Amount };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var rate = Id is null ? null : await db.LabourRates.SingleOrDefaultAsync(r => r.Id == Id, cancellationToken);
        if (Id is not null && rate is null)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        try
        {
            var price = Money.FromRoubles(Input.Price!.Value);
            if (rate is null)
            {
                rate = new LabourRate(Input.Name, Input.Kind!.Value, price);
                db.LabourRates.Add(rate);
            }
            else
            {
                rate.Update(Input.Name, Input.Kind!.Value, price);
            }
        }
        catch (DomainException error)
        {
            ModelState.AddDomainError(error, text, Fields);
            return Page();
        }

        if (await db.LabourRates.AnyAsync(r => r.Id != rate.Id && r.Name == rate.Name, cancellationToken))
        {
            ModelState.AddModelError("Input.Name", text["Admin.LabourRates.Duplicate", rate.Name]);
            return Page();
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException error) when (UniqueViolation.Constraint(error) == NameIndex)
        {
            ModelState.AddModelError("Input.Name", text["Admin.LabourRates.Duplicate", rate.Name]);
            return Page();
        }

        TempData["StatusMessage"] = text["Admin.Saved", rate.Name].Value;
        return RedirectToPage("Index");
    }

    public sealed class LabourRateInput
    {
        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Field.LabourRateName")]
        public string Name { get; set; } = string.Empty;

        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Field.LabourKind")]
        public LabourKind? Kind { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Field.PricePerHour")]
        public decimal? Price { get; set; }
    }
}
