using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Localization;
using ServiceBooking.Domain.Catalog;
using ServiceBooking.Web.Modules.Catalog.Entries;
using ServiceBooking.Web.Platform.Admin;

namespace ServiceBooking.Web.Modules.Catalog.Pages.Admin.Oils;

/// <summary>Creates an oil (no id) or edits one. A new price applies to quotes from now on; stored bookings keep theirs.</summary>
public sealed class Edit(AdminEditor<Oil, OilDraft, NoChoices> oils, IStringLocalizer<SharedResource> text)
    : AdminEditPage<Oil, OilDraft, NoChoices, Edit.OilInput>(oils, text)
{
    protected override IReadOnlyDictionary<string, string> Fields { get; } = new Dictionary<string, string>
    {
        ["Oil.Brand"] = "Input.Brand",
        ["Oil.Taken"] = "Input.Brand",
        ["Oil.Viscosity"] = "Input.Viscosity",
        ["Oil.Price"] = "Input.Price",
        ["Money"] = "Input.Price",
    };

    protected override OilInput ToInput(Oil entry) =>
        new() { Brand = entry.Brand, Viscosity = entry.Viscosity, Price = entry.PricePerLitre.Amount };

    protected override OilDraft ToDraft() => new(Input.Brand, Input.Viscosity, Input.Price!.Value);

    protected override string NameOf(Oil entry) => entry.Name;

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
