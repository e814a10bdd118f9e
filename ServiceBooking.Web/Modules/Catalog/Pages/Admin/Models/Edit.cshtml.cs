using System.ComponentModel.DataAnnotations;
using System.Globalization;
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
using ServiceBooking.Web.Modules.Catalog;
using ServiceBooking.Web.Platform.Hosting;
using ServiceBooking.Web.Platform.Validation;

namespace ServiceBooking.Web.Modules.Catalog.Pages.Admin.Models;

/// <summary>
/// Creates a car model (no id; a picture is required) or edits one (a new picture replaces the old, whose file is
/// deleted once the model is saved). The engine is chosen among the active engines and the model's own.
/// </summary>
[UploadLimit<PictureStore>]
public sealed class Edit(ApplicationDbContext db, PictureStore pictures, IStringLocalizer<SharedResource> text) : PageModel
{
    private const string NameIndex = "ix_car_models_name";

    private static readonly Dictionary<string, string> Fields = new()
    {
        ["CarModel.Name"] = "Input.Name",
        ["CarModel.Coefficient"] = "Input.Coefficient",
        ["CarModel.Engine"] = "Input.EngineId",
        ["CarModel.Picture"] = "Input.Picture",
    };

    [BindProperty]
    public CarModelInput Input { get; set; } = new();

    [FromRoute]
    public int? Id { get; set; }

    public IReadOnlyList<SelectListItem> Engines { get; private set; } = [];

    /// <summary>The stored picture of the model being edited (null for a new model).</summary>
    public string? CurrentPicture { get; private set; }

    public string CurrentName { get; private set; } = string.Empty;

    /// <summary>The upload limit in megabytes, for the hint and the message.</summary>
    public decimal MaxMegabytes => pictures.MaxBytes / (1024m * 1024m);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (Id is not null)
        {
            var model = await db.CarModels.AsNoTracking().SingleOrDefaultAsync(m => m.Id == Id, cancellationToken);
            if (model is null)
            {
                return NotFound();
            }

            Input = new CarModelInput { Name = model.Name, Coefficient = model.Coefficient, EngineId = model.EngineId };
            (CurrentPicture, CurrentName) = (model.Picture, model.Name);
        }

        Engines = await EngineChoicesAsync(Input.EngineId, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var model = Id is null ? null : await db.CarModels.Include(m => m.Engine).SingleOrDefaultAsync(m => m.Id == Id, cancellationToken);
        if (Id is not null && model is null)
        {
            return NotFound();
        }

        (CurrentPicture, CurrentName) = (model?.Picture, model?.Name ?? string.Empty);
        Engines = await EngineChoicesAsync(model?.EngineId, cancellationToken);
        var uploaded = await StorePictureAsync(required: model is null, cancellationToken);
        if (await TrySaveAsync(model, uploaded, cancellationToken) is not { } saved)
        {
            pictures.Delete(uploaded);
            return Page();
        }

        if (uploaded is not null)
        {
            pictures.Delete(CurrentPicture);
        }

        TempData["StatusMessage"] = text["Admin.Saved", saved.Name].Value;
        return RedirectToPage("Index");
    }

    /// <summary>Checks and stores the upload, or puts the reason it was refused at the picture field.</summary>
    private async Task<string?> StorePictureAsync(bool required, CancellationToken cancellationToken)
    {
        if (Input.Picture is not { } upload)
        {
            if (required)
            {
                ModelState.AddModelError("Input.Picture", text["Domain.CarModel.PictureRequired"]);
            }

            return null;
        }

        await using var content = upload.OpenReadStream();
        var (name, problem) = await pictures.SaveAsync(content, upload.Length, cancellationToken);
        if (problem is { } refused)
        {
            ModelState.AddModelError("Input.Picture", refused switch
            {
                PictureProblem.Empty => text["Admin.Models.PictureEmpty"],
                PictureProblem.TooLarge => text["Admin.Models.PictureTooLarge", MaxMegabytes.Quantity()],
                _ => text["Admin.Models.PictureNotAPicture"],
            });
        }

        return name;
    }

    private async Task<CarModel?> TrySaveAsync(CarModel? model, string? picture, CancellationToken cancellationToken)
    {
        var engine = Input.EngineId is { } engineId ? await db.Engines.FindAsync([engineId], cancellationToken) : null;
        if (engine is null && Input.EngineId is not null)
        {
            ModelState.AddModelError("Input.EngineId", text["Admin.ChooseFromList"]);
        }

        if (!ModelState.IsValid)
        {
            return null;
        }

        try
        {
            if (model is null)
            {
                model = new CarModel(Input.Name, Input.Coefficient!.Value, engine!);
                db.CarModels.Add(model);
            }
            else
            {
                model.Update(Input.Name, Input.Coefficient!.Value, engine!);
            }

            if (picture is not null)
            {
                model.SetPicture(picture);
            }
        }
        catch (DomainException error)
        {
            ModelState.AddDomainError(error, text, Fields);
            return null;
        }

        if (await db.CarModels.AnyAsync(m => m.Id != model.Id && m.Name == model.Name, cancellationToken))
        {
            ModelState.AddModelError("Input.Name", text["Admin.Models.Duplicate", model.Name]);
            return null;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return model;
        }
        catch (DbUpdateException error) when (UniqueViolation.Constraint(error) == NameIndex)
        {
            // Another admin saved the same name between the check above and this save.
            ModelState.AddModelError("Input.Name", text["Admin.Models.Duplicate", model.Name]);
            return null;
        }
    }

    /// <summary>The active engines, plus <paramref name="currentId"/> (the model's own engine) even when it is deactivated.</summary>
    private async Task<IReadOnlyList<SelectListItem>> EngineChoicesAsync(int? currentId, CancellationToken cancellationToken)
    {
        var engines = await db.Engines.AsNoTracking()
            .Where(e => e.IsActive || e.Id == currentId)
            .OrderBy(e => e.Code)
            .ToListAsync(cancellationToken);
        return [.. engines.Select(e => new SelectListItem(
            text["Admin.Models.EngineOption", e.Code, e.DisplacementLitres.Quantity()], e.Id.ToString(CultureInfo.InvariantCulture)))];
    }

    public sealed class CarModelInput
    {
        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Field.ModelName")]
        public string Name { get; set; } = string.Empty;

        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Field.Coefficient")]
        public decimal? Coefficient { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Field.Engine")]
        public int? EngineId { get; set; }

        [Display(Name = "Field.Picture")]
        public IFormFile? Picture { get; set; }
    }
}
