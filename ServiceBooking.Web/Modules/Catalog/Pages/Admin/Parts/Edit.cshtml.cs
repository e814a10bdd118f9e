using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServiceBooking.Domain.Catalog;
using ServiceBooking.Domain.Common;
using ServiceBooking.Web.Platform.Data;
using ServiceBooking.Web.Platform.Validation;

namespace ServiceBooking.Web.Modules.Catalog.Pages.Admin.Parts;

/// <summary>
/// Creates a part (no id) or edits one: name, part number, price and the models it fits. The models offered are the
/// active ones plus those the part already fits, so deactivating a model does not silently drop it from a part.
/// </summary>
public sealed class Edit(ApplicationDbContext db, IStringLocalizer<SharedResource> text) : PageModel
{
    private static readonly Dictionary<string, string> Fields = new()
    {
        ["Part.Name"] = "Input.Name",
        ["Part.Article"] = "Input.Article",
        ["Part.Price"] = "Input.Price",
        ["Money"] = "Input.Price",
    };

    [BindProperty]
    public PartInput Input { get; set; } = new();

    [FromRoute]
    public int? Id { get; set; }

    /// <summary>The models to tick: active ones and those the part fits now.</summary>
    public IReadOnlyList<CarModel> Models { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (Id is not null)
        {
            var part = await db.Parts.AsNoTracking().Include(p => p.CompatibleModels).SingleOrDefaultAsync(p => p.Id == Id, cancellationToken);
            if (part is null)
            {
                return NotFound();
            }

            Input = new PartInput
            {
                Name = part.Name,
                Article = part.Article,
                Price = part.Price.Amount,
                ModelIds = [.. part.CompatibleModels.Select(m => m.Id)],
            };
        }

        Models = await OfferedModelsAsync(Input.ModelIds, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var part = Id is null ? null : await db.Parts.Include(p => p.CompatibleModels).SingleOrDefaultAsync(p => p.Id == Id, cancellationToken);
        if (Id is not null && part is null)
        {
            return NotFound();
        }

        var current = part?.CompatibleModels.Select(m => m.Id).ToList() ?? [];
        var offered = await OfferedModelsAsync(current, cancellationToken);
        Models = offered;
        if (!ModelState.IsValid)
        {
            return Page();
        }

        // Only what the page offered can be chosen; anything else in the request is ignored.
        var chosen = offered.Where(m => Input.ModelIds.Contains(m.Id)).ToList();
        try
        {
            var price = Money.FromRoubles(Input.Price!.Value);
            if (part is null)
            {
                part = new Part(Input.Name, Input.Article, price, chosen);
                db.Parts.Add(part);
            }
            else
            {
                part.Update(Input.Name, Input.Article, price, chosen);
            }
        }
        catch (DomainException error)
        {
            ModelState.AddDomainError(error, text, Fields);
            return Page();
        }

        await db.SaveChangesAsync(cancellationToken);
        TempData["StatusMessage"] = text["Admin.Saved", part.Name].Value;
        return RedirectToPage("Index");
    }

    /// <summary>Active models and the given ones (tracked, so a save can link them), by name.</summary>
    private async Task<IReadOnlyList<CarModel>> OfferedModelsAsync(IReadOnlyCollection<int> alsoShow, CancellationToken cancellationToken) =>
        await db.CarModels.Where(m => m.IsActive || alsoShow.Contains(m.Id)).OrderBy(m => m.Name).ToListAsync(cancellationToken);

    public sealed class PartInput
    {
        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Field.PartName")]
        public string Name { get; set; } = string.Empty;

        [Display(Name = "Field.Article")]
        public string? Article { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Field.Price")]
        public decimal? Price { get; set; }

        [Display(Name = "Field.CompatibleModels")]
        public List<int> ModelIds { get; set; } = [];
    }
}
