using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using ServiceBooking.Domain.Catalog;
using ServiceBooking.Web.Modules.Catalog.Entries;
using ServiceBooking.Web.Platform.Admin;

namespace ServiceBooking.Web.Modules.Catalog.Pages.Admin.RepairTypes;

/// <summary>
/// Creates a repair type (no id) or edits one: name, norm-hours, labour rate, model (none: any model), oil change and
/// the parts with their quantities. Only parts that fit the chosen model are offered; changing the model re-renders
/// the parts block (<see cref="OnGetPartsAsync"/>). An existing type for a model shows its current quote.
/// </summary>
public sealed class Edit(AdminEditor<RepairType, RepairTypeDraft, RepairTypeChoices> types, IStringLocalizer<SharedResource> text)
    : AdminEditPage<RepairType, RepairTypeDraft, RepairTypeChoices, Edit.RepairTypeInput>(types, text)
{
    public const string PartsField = "Input.Quantities";

    private readonly Dictionary<int, int> _quantities = [];
    private IReadOnlyList<Part>? _offeredParts;

    /// <summary>
    /// The parts the form lists, each with a quantity field: those that fit the model the form names (every part for any
    /// model), and those given a quantity, so that a misfit stays in view with its refusal.
    /// </summary>
    public IReadOnlyList<Part> OfferedParts =>
        _offeredParts ??= Choices.PartsFor(Input.CarModelId, [.. Input.Quantities.Where(q => !IsUnused(q.Value)).Select(q => q.Key)]);

    protected override IReadOnlyDictionary<string, string> Fields { get; } = new Dictionary<string, string>
    {
        ["RepairType.Name"] = "Input.Name",
        ["RepairType.NormHours"] = "Input.NormHours",
        ["RepairType.LabourRate"] = "Input.LabourRateId",
        ["RepairType.Model"] = "Input.CarModelId",
        ["RepairType.Part"] = PartsField,
    };

    /// <summary>
    /// The parts block for the model the form now names (htmx, on a change of the model select): the parts that fit it,
    /// or every active part for any model, with the quantities already typed for those still offered.
    /// </summary>
    public async Task<IActionResult> OnGetPartsAsync(CancellationToken cancellationToken)
    {
        if (!await OpenAsync(cancellationToken))
        {
            return NotFound();
        }

        await TryUpdateModelAsync(Input, "Input");
        _offeredParts = Choices.PartsFor(Input.CarModelId, []);
        return Partial("_Parts", this);
    }

    /// <summary>What the quantity field of a part shows: what was typed, or the saved quantity.</summary>
    public string? QuantityText(int partId) => Input.Quantities.GetValueOrDefault(partId);

    /// <summary>The first message for a form field, or null.</summary>
    public string? ErrorFor(string key) =>
        ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    protected override RepairTypeInput ToInput(RepairType entry) => new()
    {
        Name = entry.Name,
        NormHours = entry.NormHours / 1.000000000000000000000000000000000m, // without trailing zeros: 1.50 shows as 1.5
        LabourRateId = entry.LabourRateId,
        CarModelId = entry.CarModelId,
        IncludesOilChange = entry.IncludesOilChange,
        Quantities = entry.Parts.ToDictionary(p => p.PartId, p => (string?)p.Quantity.ToString(CultureInfo.InvariantCulture)),
    };

    /// <summary>The quantities as typed (empty or 0: the part is not used); one that is not a whole number is refused at its row.</summary>
    protected override void ReadInput()
    {
        foreach (var (partId, typed) in Input.Quantities.Where(q => !IsUnused(q.Value)))
        {
            if (int.TryParse(typed, NumberStyles.AllowLeadingSign | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite,
                    CultureInfo.InvariantCulture, out var quantity))
            {
                if (quantity != 0)
                {
                    _quantities[partId] = quantity;
                }
            }
            else
            {
                ModelState.AddModelError($"{PartsField}[{partId}]", Text["Admin.RepairTypes.QuantityInvalid"]);
            }
        }
    }

    protected override RepairTypeDraft ToDraft() =>
        new(Input.Name, Input.NormHours!.Value, Input.LabourRateId!.Value, Input.CarModelId, Input.IncludesOilChange, _quantities);

    protected override string NameOf(RepairType entry) => entry.Name;

    /// <summary>An empty quantity or 0: the part is not used.</summary>
    private static bool IsUnused(string? quantity) => string.IsNullOrWhiteSpace(quantity) || quantity.Trim() == "0";

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
