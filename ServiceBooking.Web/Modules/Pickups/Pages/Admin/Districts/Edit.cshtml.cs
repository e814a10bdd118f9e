using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Localization;
using ServiceBooking.Domain.Pickups;
using ServiceBooking.Web.Platform.Admin;

namespace ServiceBooking.Web.Modules.Pickups.Pages.Admin.Districts;

/// <summary>Creates a district (no id) or renames one; the name is unique ignoring case.</summary>
public sealed class Edit(AdminEditor<District, DistrictDraft, NoChoices> districts, IStringLocalizer<SharedResource> text)
    : AdminEditPage<District, DistrictDraft, NoChoices, Edit.DistrictInput>(districts, text)
{
    protected override IReadOnlyDictionary<string, string> Fields { get; } = new Dictionary<string, string>
    {
        ["District.Name"] = "Input.Name",
    };

    protected override DistrictInput ToInput(District entry) => new() { Name = entry.Name };

    protected override DistrictDraft ToDraft() => new(Input.Name);

    protected override string NameOf(District entry) => entry.Name;

    public sealed class DistrictInput
    {
        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Field.DistrictName")]
        public string Name { get; set; } = string.Empty;
    }
}
