using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;
using ServiceBooking.Domain.Catalog;
using ServiceBooking.Web.Modules.Catalog.Entries;
using ServiceBooking.Web.Platform.Admin;

namespace ServiceBooking.Web.Modules.Catalog.Pages.Admin.Engines;

/// <summary>Creates an engine (no id) or edits one. The oil is chosen among the active oils and the engine's own.</summary>
public sealed class Edit(AdminEditor<Engine, EngineDraft, EngineChoices> engines, IStringLocalizer<SharedResource> text)
    : AdminEditPage<Engine, EngineDraft, EngineChoices, Edit.EngineInput>(engines, text)
{
    public IEnumerable<SelectListItem> Oils =>
        Choices.Oils.Select(o => new SelectListItem(o.Name, o.Id.ToString(CultureInfo.InvariantCulture)));

    protected override IReadOnlyDictionary<string, string> Fields { get; } = new Dictionary<string, string>
    {
        ["Engine.Code"] = "Input.Code",
        ["Engine.OilInactive"] = "Input.OilId",
        ["Engine.OilUnknown"] = "Input.OilId",
        ["Engine.OilVolume"] = "Input.OilVolume",
        ["Engine.Displacement"] = "Input.Displacement",
    };

    protected override EngineInput ToInput(Engine entry) => new()
    {
        Code = entry.Code,
        OilId = entry.OilId,
        OilVolume = entry.OilVolumeLitres,
        Displacement = entry.DisplacementLitres,
    };

    protected override EngineDraft ToDraft() => new(Input.Code, Input.OilId!.Value, Input.OilVolume!.Value, Input.Displacement!.Value);

    protected override string NameOf(Engine entry) => entry.Code;

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
