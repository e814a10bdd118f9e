using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;
using ServiceBooking.Domain.Catalog;
using ServiceBooking.Web.Modules.Catalog.Entries;
using ServiceBooking.Web.Platform.Admin;

namespace ServiceBooking.Web.Modules.Catalog.Pages.Admin.LabourRates;

/// <summary>Creates a labour rate (no id) or edits one. A new price applies to quotes from now on; stored bookings keep theirs.</summary>
public sealed class Edit(AdminEditor<LabourRate, LabourRateDraft, NoChoices> rates, IStringLocalizer<SharedResource> text)
    : AdminEditPage<LabourRate, LabourRateDraft, NoChoices, Edit.LabourRateInput>(rates, text)
{
    public IEnumerable<SelectListItem> Kinds =>
        Enum.GetValues<LabourKind>().Select(kind => new SelectListItem(Text[KindKey(kind)], kind.ToString()));

    protected override IReadOnlyDictionary<string, string> Fields { get; } = new Dictionary<string, string>
    {
        ["LabourRate.Name"] = "Input.Name",
        ["LabourRate.Kind"] = "Input.Kind",
        ["LabourRate.Price"] = "Input.Price",
        ["Money"] = "Input.Price",
    };

    /// <summary>The resource key of a kind's name: "LabourKind.Maintenance".</summary>
    public static string KindKey(LabourKind kind) => $"LabourKind.{kind}";

    protected override LabourRateInput ToInput(LabourRate entry) =>
        new() { Name = entry.Name, Kind = entry.Kind, Price = entry.PricePerHour.Amount };

    protected override LabourRateDraft ToDraft() => new(Input.Name, Input.Kind!.Value, Input.Price!.Value);

    protected override string NameOf(LabourRate entry) => entry.Name;

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
