using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServiceBooking.Domain.Catalog;
using ServiceBooking.Domain.Common;
using ServiceBooking.Web.Platform.Data;
using ServiceBooking.Web.Platform.Validation;

namespace ServiceBooking.Web.Modules.Catalog.Pages.Admin.Oils;

/// <summary>Creates an oil (no id) or edits one. A new price applies to quotes from now on; stored bookings keep theirs.</summary>
public sealed class Edit(ApplicationDbContext db, IStringLocalizer<SharedResource> text) : PageModel
{
    private static readonly Dictionary<string, string> Fields = new()
    {
        ["Oil.Brand"] = "Input.Brand",
        ["Oil.Viscosity"] = "Input.Viscosity",
        ["Oil.Price"] = "Input.Price",
        ["Money"] = "Input.Price",
    };

    [BindProperty]
    public OilInput Input { get; set; } = new();

    [FromRoute]
    public int? Id { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (Id is null)
        {
            return Page();
        }

        var oil = await db.Oils.AsNoTracking().SingleOrDefaultAsync(o => o.Id == Id, cancellationToken);
        if (oil is null)
        {
            return NotFound();
        }

        Input = new OilInput { Brand = oil.Brand, Viscosity = oil.Viscosity, Price = oil.PricePerLitre.Amount };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var oil = Id is null ? null : await db.Oils.SingleOrDefaultAsync(o => o.Id == Id, cancellationToken);
        if (Id is not null && oil is null)
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
            if (oil is null)
            {
                oil = new Oil(Input.Brand, Input.Viscosity, price);
                db.Oils.Add(oil);
            }
            else
            {
                oil.Update(Input.Brand, Input.Viscosity, price);
            }
        }
        catch (DomainException error)
        {
            ModelState.AddDomainError(error, text, Fields);
            return Page();
        }

        if (await db.Oils.AnyAsync(o => o.Id != oil.Id && o.Brand == oil.Brand && o.Viscosity == oil.Viscosity, cancellationToken))
        {
            ModelState.AddModelError("Input.Brand", text["Admin.Oils.Duplicate", oil.Name]);
            return Page();
        }

        await db.SaveChangesAsync(cancellationToken);
        TempData["StatusMessage"] = text["Admin.Saved", oil.Name].Value;
        return RedirectToPage("Index");
    }

    public sealed class OilInput
    {
        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Field.OilBrand")]
        public string Brand { get; set; } = string.Empty;

        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Field.Viscosity")]
        public string Viscosity { get; set; } = string.Empty;

        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Field.PricePerLitre")]
        public decimal? Price { get; set; }
    }
}
