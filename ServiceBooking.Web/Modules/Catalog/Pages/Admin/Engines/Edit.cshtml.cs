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

namespace ServiceBooking.Web.Modules.Catalog.Pages.Admin.Engines;

/// <summary>Creates an engine (no id) or edits one. The oil is chosen among the active oils and the engine's own.</summary>
public sealed class Edit(ApplicationDbContext db, IStringLocalizer<SharedResource> text) : PageModel
{
    private const string CodeIndex = "ix_engines_code";

    private static readonly Dictionary<string, string> Fields = new()
    {
        ["Engine.Code"] = "Input.Code",
        ["Engine.OilInactive"] = "Input.OilId",
        ["Engine.OilVolume"] = "Input.OilVolume",
        ["Engine.Displacement"] = "Input.Displacement",
    };

    [BindProperty]
    public EngineInput Input { get; set; } = new();

    [FromRoute]
    public int? Id { get; set; }

    public IReadOnlyList<SelectListItem> Oils { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (Id is not null)
        {
            var engine = await db.Engines.AsNoTracking().SingleOrDefaultAsync(e => e.Id == Id, cancellationToken);
            if (engine is null)
            {
                return NotFound();
            }

            Input = new EngineInput
            {
                Code = engine.Code,
                OilId = engine.OilId,
                OilVolume = engine.OilVolumeLitres,
                Displacement = engine.DisplacementLitres,
            };
        }

        Oils = await OilChoicesAsync(Input.OilId, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var engine = Id is null ? null : await db.Engines.Include(e => e.Oil).SingleOrDefaultAsync(e => e.Id == Id, cancellationToken);
        if (Id is not null && engine is null)
        {
            return NotFound();
        }

        Oils = await OilChoicesAsync(engine?.OilId, cancellationToken);
        if (await TrySaveAsync(engine, cancellationToken) is not { } saved)
        {
            return Page();
        }

        TempData["StatusMessage"] = text["Admin.Saved", saved.Code].Value;
        return RedirectToPage("Index");
    }

    private async Task<Engine?> TrySaveAsync(Engine? engine, CancellationToken cancellationToken)
    {
        var oil = Input.OilId is { } oilId ? await db.Oils.FindAsync([oilId], cancellationToken) : null;
        if (oil is null && Input.OilId is not null)
        {
            ModelState.AddModelError("Input.OilId", text["Admin.ChooseFromList"]);
        }

        if (!ModelState.IsValid)
        {
            return null;
        }

        try
        {
            if (engine is null)
            {
                engine = new Engine(Input.Code, oil!, Input.OilVolume!.Value, Input.Displacement!.Value);
                db.Engines.Add(engine);
            }
            else
            {
                engine.Update(Input.Code, oil!, Input.OilVolume!.Value, Input.Displacement!.Value);
            }
        }
        catch (DomainException error)
        {
            ModelState.AddDomainError(error, text, Fields);
            return null;
        }

        if (await db.Engines.AnyAsync(e => e.Id != engine.Id && e.Code == engine.Code, cancellationToken))
        {
            ModelState.AddModelError("Input.Code", text["Admin.Engines.Duplicate", engine.Code]);
            return null;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return engine;
        }
        catch (DbUpdateException error) when (UniqueViolation.Constraint(error) == CodeIndex)
        {
            // Another admin saved the same code between the check above and this save.
            ModelState.AddModelError("Input.Code", text["Admin.Engines.Duplicate", engine.Code]);
            return null;
        }
    }

    /// <summary>The active oils, plus <paramref name="currentId"/> (the engine's own oil) even when it is deactivated.</summary>
    private async Task<IReadOnlyList<SelectListItem>> OilChoicesAsync(int? currentId, CancellationToken cancellationToken)
    {
        var oils = await db.Oils.AsNoTracking()
            .Where(o => o.IsActive || o.Id == currentId)
            .OrderBy(o => o.Brand).ThenBy(o => o.Viscosity)
            .ToListAsync(cancellationToken);
        return [.. oils.Select(o => new SelectListItem(o.Name, o.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))];
    }

    public sealed class EngineInput
    {
        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Field.EngineCode")]
        public string Code { get; set; } = string.Empty;

        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Field.Oil")]
        public int? OilId { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Field.OilVolume")]
        public decimal? OilVolume { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Field.Displacement")]
        public decimal? Displacement { get; set; }
    }
}
