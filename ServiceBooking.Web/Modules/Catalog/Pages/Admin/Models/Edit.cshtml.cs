using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;
using ServiceBooking.Domain.Catalog;
using ServiceBooking.Web.Modules.Catalog.Entries;
using ServiceBooking.Web.Platform.Admin;
using ServiceBooking.Web.Platform.Hosting;
using ServiceBooking.Web.Platform.Localization;

namespace ServiceBooking.Web.Modules.Catalog.Pages.Admin.Models;

/// <summary>
/// Creates a car model (no id; a picture is required) or edits one (a new picture replaces the old, whose file is
/// deleted once the model is saved). The engine is chosen among the active engines and the model's own.
/// </summary>
[UploadLimit<PictureStore>]
public sealed class Edit(AdminEditor<CarModel, CarModelDraft, CarModelChoices> models, IStringLocalizer<SharedResource> text)
    : AdminEditPage<CarModel, CarModelDraft, CarModelChoices, Edit.CarModelInput>(models, text)
{
    public IEnumerable<SelectListItem> Engines => Choices.Engines.Select(e => new SelectListItem(
        Text["Admin.Models.EngineOption", e.Code, e.DisplacementLitres.Quantity()], e.Id.ToString(CultureInfo.InvariantCulture)));

    protected override IReadOnlyDictionary<string, string> Fields { get; } = new Dictionary<string, string>
    {
        ["CarModel.Name"] = "Input.Name",
        ["CarModel.Coefficient"] = "Input.Coefficient",
        ["CarModel.Engine"] = "Input.EngineId",
        ["CarModel.Picture"] = "Input.Picture",
    };

    protected override CarModelInput ToInput(CarModel entry) =>
        new() { Name = entry.Name, Coefficient = entry.Coefficient, EngineId = entry.EngineId };

    protected override CarModelDraft ToDraft() => new(Input.Name, Input.Coefficient!.Value, Input.EngineId!.Value, Input.Picture);

    protected override string NameOf(CarModel entry) => entry.Name;

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
