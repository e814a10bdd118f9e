using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Localization;
using ServiceBooking.Domain.Catalog;
using ServiceBooking.Web.Modules.Catalog.Entries;
using ServiceBooking.Web.Platform.Admin;

namespace ServiceBooking.Web.Modules.Catalog.Pages.Admin.Parts;

/// <summary>
/// Creates a part (no id) or edits one: name, part number, price and the models it fits. The models offered are the
/// active ones plus those the part already fits, so deactivating a model does not silently drop it from a part.
/// </summary>
public sealed class Edit(AdminEditor<Part, PartDraft, PartChoices> parts, IStringLocalizer<SharedResource> text)
    : AdminEditPage<Part, PartDraft, PartChoices, Edit.PartInput>(parts, text)
{
    protected override IReadOnlyDictionary<string, string> Fields { get; } = new Dictionary<string, string>
    {
        ["Part.Name"] = "Input.Name",
        ["Part.Article"] = "Input.Article",
        ["Part.Price"] = "Input.Price",
        ["Money"] = "Input.Price",
    };

    protected override PartInput ToInput(Part entry) => new()
    {
        Name = entry.Name,
        Article = entry.Article,
        Price = entry.Price.Amount,
        ModelIds = [.. entry.CompatibleModels.Select(m => m.Id)],
    };

    protected override PartDraft ToDraft() => new(Input.Name, Input.Article, Input.Price!.Value, Input.ModelIds);

    protected override string NameOf(Part entry) => entry.Name;

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
