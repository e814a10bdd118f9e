using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServiceBooking.Domain.Catalog;
using ServiceBooking.Domain.Common;
using ServiceBooking.Web.Modules.Accounts;
using ServiceBooking.Web.Platform.Data;
using ServiceBooking.Web.Platform.Localization;
using ServiceBooking.Web.Platform.Validation;

namespace ServiceBooking.Web.Modules.Catalog.Pages.Admin.RepairTypes;

/// <summary>
/// Creates a repair type (no id) or edits one: name, norm-hours, labour rate, model (none: any model), oil change and
/// the parts with their quantities. Only parts that fit the chosen model are offered; changing the model re-renders
/// the parts block (<see cref="OnGetPartsAsync"/>). An existing type for a model shows its current quote.
/// </summary>
public sealed class Edit(ApplicationDbContext db, IStringLocalizer<SharedResource> text) : PageModel
{
    public const string PartsField = "Input.Quantities";

    /// <summary>The database's "one name per model, and one per any model" index (see RepairTypeConfiguration).</summary>
    private const string UniqueName = "ix_repair_types_name_car_model_id";

    private static readonly Dictionary<string, string> Fields = new()
    {
        ["RepairType.Name"] = "Input.Name",
        ["RepairType.NormHours"] = "Input.NormHours",
        ["RepairType.LabourRate"] = "Input.LabourRateId",
        ["RepairType.Part"] = PartsField,
    };

    [BindProperty]
    public RepairTypeInput Input { get; set; } = new();

    [FromRoute]
    public int? Id { get; set; }

    /// <summary>Active labour rates and the type's own.</summary>
    public IReadOnlyList<LabourRate> LabourRates { get; private set; } = [];

    /// <summary>Active models and the type's own.</summary>
    public IReadOnlyList<CarModel> Models { get; private set; } = [];

    /// <summary>The parts the form lists, each with a quantity field.</summary>
    public IReadOnlyList<Part> OfferedParts { get; private set; } = [];

    /// <summary>The saved type's price for its model, or null (a new type, or one for any model).</summary>
    public Quote? Quote { get; private set; }

    public string? QuoteModelName { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<int> current = [];
        if (Id is not null)
        {
            var type = await db.RepairTypes.AsNoTracking().SingleOrDefaultAsync(r => r.Id == Id, cancellationToken);
            if (type is null)
            {
                return NotFound();
            }

            Input = new RepairTypeInput
            {
                Name = type.Name,
                NormHours = type.NormHours / 1.000000000000000000000000000000000m, // without trailing zeros: 1.50 shows as 1.5
                LabourRateId = type.LabourRateId,
                CarModelId = type.CarModelId,
                IncludesOilChange = type.IncludesOilChange,
                Quantities = type.Parts.ToDictionary(p => p.PartId, p => (string?)p.Quantity.ToString(CultureInfo.InvariantCulture)),
            };
            current = [.. type.Parts.Select(p => p.PartId)];
        }

        await PrepareAsync(current, cancellationToken);
        return Page();
    }

    /// <summary>
    /// The parts block for the model the form now names (htmx, on a change of the model select): the parts that fit it,
    /// or every active part for any model, with the quantities already typed for those still offered.
    /// </summary>
    public async Task<IActionResult> OnGetPartsAsync(CancellationToken cancellationToken)
    {
        var current = await CurrentPartsAsync(cancellationToken);
        if (current is null)
        {
            return NotFound();
        }

        await TryUpdateModelAsync(Input, "Input");
        OfferedParts = await OfferedPartsAsync(current, [], cancellationToken);
        return Partial("_Parts", this);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var type = Id is null ? null : await db.RepairTypes
            .Include(r => r.LabourRate)
            .Include(r => r.CarModel)
            .Include(r => r.Parts).ThenInclude(p => p.Part).ThenInclude(p => p.CompatibleModels)
            .AsSplitQuery()
            .SingleOrDefaultAsync(r => r.Id == Id, cancellationToken);
        if (Id is not null && type is null)
        {
            return NotFound();
        }

        var current = type?.Parts.Select(p => p.PartId).ToList() ?? [];
        var rate = await ChosenAsync(db.LabourRates, Input.LabourRateId, type?.LabourRateId, r => r.IsActive, "Input.LabourRateId", cancellationToken);
        var model = await ChosenAsync(db.CarModels, Input.CarModelId, type?.CarModelId, m => m.IsActive, "Input.CarModelId", cancellationToken);
        var lines = await ChosenPartsAsync(current, cancellationToken);
        if (!ModelState.IsValid || rate is null)
        {
            return await ShowAgainAsync(current, cancellationToken);
        }

        try
        {
            if (type is null)
            {
                type = new RepairType(Input.Name, Input.NormHours!.Value, rate, model, Input.IncludesOilChange);
                type.SetParts(lines);
                db.RepairTypes.Add(type);
            }
            else
            {
                type.Update(Input.Name, Input.NormHours!.Value, rate, model, Input.IncludesOilChange, lines);
            }
        }
        catch (DomainException error)
        {
            ModelState.AddDomainError(error, text, Fields);
            return await ShowAgainAsync(current, cancellationToken);
        }

        if (await db.RepairTypes.AnyAsync(r => r.Id != type.Id && r.Name == type.Name && r.CarModelId == type.CarModelId, cancellationToken))
        {
            return await DuplicateAsync(type, current, cancellationToken);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException error) when (UniqueViolation.Constraint(error) == UniqueName)
        {
            // Someone saved the same name for the same model between our check and this save.
            return await DuplicateAsync(type, current, cancellationToken);
        }

        TempData["StatusMessage"] = text["Admin.Saved", type.Name].Value;
        return RedirectToPage("Index");
    }

    /// <summary>What the quantity field of a part shows: what was typed, or the saved quantity.</summary>
    public string? QuantityText(int partId) => Input.Quantities.GetValueOrDefault(partId);

    /// <summary>The first message for a form field, or null.</summary>
    public string? ErrorFor(string key) =>
        ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    private async Task<IActionResult> DuplicateAsync(RepairType type, IReadOnlyList<int> current, CancellationToken cancellationToken)
    {
        ModelState.AddModelError("Input.Name", type.CarModel is { } model
            ? text["Admin.RepairTypes.Duplicate", type.Name, model.Name]
            : text["Admin.RepairTypes.DuplicateAnyModel", type.Name]);
        return await ShowAgainAsync(current, cancellationToken);
    }

    /// <summary>The form again after a refusal: the parts that fit plus those given a quantity, so a misfit stays in view.</summary>
    private async Task<IActionResult> ShowAgainAsync(IReadOnlyList<int> current, CancellationToken cancellationToken)
    {
        await PrepareAsync(current, cancellationToken, [.. Input.Quantities.Where(q => !IsUnused(q.Value)).Select(q => q.Key)]);
        return Page();
    }

    private async Task PrepareAsync(IReadOnlyList<int> current, CancellationToken cancellationToken, IReadOnlyList<int>? typed = null)
    {
        // The saved choices stay on offer even when deactivated since.
        var saved = await db.RepairTypes.Where(r => r.Id == Id)
            .Select(r => new { r.LabourRateId, r.CarModelId })
            .SingleOrDefaultAsync(cancellationToken);
        int? savedRate = saved?.LabourRateId, savedModel = saved?.CarModelId;
        LabourRates = await db.LabourRates.AsNoTracking()
            .Where(r => r.IsActive || r.Id == savedRate).OrderBy(r => r.Name).ToListAsync(cancellationToken);
        Models = await db.CarModels.AsNoTracking()
            .Where(m => m.IsActive || m.Id == savedModel).OrderBy(m => m.Name).ToListAsync(cancellationToken);
        OfferedParts = await OfferedPartsAsync(current, typed ?? [], cancellationToken);
        if (Id is not null)
        {
            await QuoteAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Parts that fit <see cref="RepairTypeInput.CarModelId"/> (any part for any model) and are active or already on the
    /// type, plus <paramref name="typed"/> whatever they fit.
    /// </summary>
    private async Task<IReadOnlyList<Part>> OfferedPartsAsync(IReadOnlyList<int> current, IReadOnlyList<int> typed, CancellationToken cancellationToken)
    {
        var modelId = Input.CarModelId;
        return await db.Parts.AsNoTracking()
            .Where(p => typed.Contains(p.Id)
                || ((p.IsActive || current.Contains(p.Id)) && (modelId == null || p.CompatibleModels.Any(m => m.Id == modelId))))
            .OrderBy(p => p.Name)
            .ToListAsync(cancellationToken);
    }

    /// <summary>The ids of the parts the type lists now; empty for a new one, null when the id is unknown.</summary>
    private async Task<IReadOnlyList<int>?> CurrentPartsAsync(CancellationToken cancellationToken)
    {
        if (Id is null)
        {
            return [];
        }

        var type = await db.RepairTypes.AsNoTracking().SingleOrDefaultAsync(r => r.Id == Id, cancellationToken);
        return type?.Parts.Select(p => p.PartId).ToList();
    }

    /// <summary>The row chosen in a select: it must exist and be active, unless it is the one the type already has.</summary>
    private async Task<T?> ChosenAsync<T>(
        DbSet<T> rows, int? id, int? currentId, Func<T, bool> isActive, string field, CancellationToken cancellationToken)
        where T : Entity
    {
        if (id is null)
        {
            return null;
        }

        var row = await rows.FindAsync([id.Value], cancellationToken);
        if (row is null || (!isActive(row) && id != currentId))
        {
            ModelState.AddModelError(field, text["Admin.UnknownChoice"]);
            return null;
        }

        return row;
    }

    /// <summary>
    /// The parts given a quantity (empty or 0: not used); a quantity that is not a whole number is refused at its row.
    /// Parts that no longer exist, or were deactivated and are not on the type already, cannot be offered by the form and
    /// are left out; whether the rest fit, and the range of the quantities, are the Domain's call.
    /// </summary>
    private async Task<List<(Part Part, int Quantity)>> ChosenPartsAsync(IReadOnlyList<int> current, CancellationToken cancellationToken)
    {
        var wanted = new Dictionary<int, int>();
        foreach (var (partId, typed) in Input.Quantities.Where(q => !IsUnused(q.Value)))
        {
            if (int.TryParse(typed, NumberStyles.AllowLeadingSign | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite,
                    CultureInfo.InvariantCulture, out var quantity))
            {
                if (quantity != 0)
                {
                    wanted[partId] = quantity;
                }
            }
            else
            {
                ModelState.AddModelError($"{PartsField}[{partId}]", text["Admin.RepairTypes.QuantityInvalid"]);
            }
        }

        var ids = wanted.Keys.ToList();
        var parts = await db.Parts.Include(p => p.CompatibleModels)
            .Where(p => ids.Contains(p.Id) && (p.IsActive || current.Contains(p.Id)))
            .OrderBy(p => p.Name)
            .ToListAsync(cancellationToken);
        return [.. parts.Select(p => (p, wanted[p.Id]))];
    }

    /// <summary>An empty quantity or 0: the part is not used.</summary>
    private static bool IsUnused(string? quantity) => string.IsNullOrWhiteSpace(quantity) || quantity.Trim() == "0";

    private async Task QuoteAsync(CancellationToken cancellationToken)
    {
        var saved = await db.RepairTypes.AsNoTracking()
            .Include(r => r.LabourRate)
            .Include(r => r.CarModel!).ThenInclude(m => m.Engine).ThenInclude(e => e.Oil)
            .Include(r => r.Parts).ThenInclude(p => p.Part)
            .SingleOrDefaultAsync(r => r.Id == Id, cancellationToken);
        if (saved?.CarModel is not { } model)
        {
            return;
        }

        try
        {
            Quote = CostCalculator.Calculate(saved, model);
            QuoteModelName = model.Name;
        }
        catch (DomainException)
        {
            // An amount beyond what Money holds: there is no price to show, and the form still works.
            Quote = null;
        }
    }

    public sealed class RepairTypeInput
    {
        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Field.RepairTypeName")]
        public string Name { get; set; } = string.Empty;

        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Field.NormHours")]
        public decimal? NormHours { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Field.LabourRate")]
        public int? LabourRateId { get; set; }

        /// <summary>Null: the type is for any model.</summary>
        [Display(Name = "Field.CarModel")]
        public int? CarModelId { get; set; }

        [Display(Name = "Field.IncludesOilChange")]
        public bool IncludesOilChange { get; set; }

        /// <summary>Quantity by part id, as typed (read by the page, so a wrong one is kept and explained); empty or 0: not used.</summary>
        [Display(Name = "Admin.RepairTypes.Parts")]
        public Dictionary<int, string?> Quantities { get; set; } = [];
    }
}
