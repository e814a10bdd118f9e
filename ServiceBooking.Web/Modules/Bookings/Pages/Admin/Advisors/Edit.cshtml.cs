using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Localization;
using ServiceBooking.Domain.Bookings;
using ServiceBooking.Web.Modules.Bookings.Scheduling;
using ServiceBooking.Web.Platform.Admin;
using ServiceBooking.Web.Platform.Validation;

namespace ServiceBooking.Web.Modules.Bookings.Pages.Admin.Advisors;

/// <summary>Adds a service advisor (no id) or renames one. A new advisor is active: a column of the booking grid at once.</summary>
public sealed class Edit(AdminEditor<ServiceAdvisor, AdvisorDraft, NoChoices> advisors, IStringLocalizer<SharedResource> text)
    : AdminEditPage<ServiceAdvisor, AdvisorDraft, NoChoices, Edit.AdvisorInput>(advisors, text)
{
    protected override IReadOnlyDictionary<string, string> Fields { get; } = new Dictionary<string, string>
    {
        ["PersonName.LastName"] = "Input.LastName",
        ["PersonName.FirstName"] = "Input.FirstName",
        ["PersonName.Patronymic"] = "Input.Patronymic",
        ["ServiceAdvisor.Name"] = "Input.LastName",
    };

    protected override AdvisorInput ToInput(ServiceAdvisor entry) =>
        new() { LastName = entry.LastName, FirstName = entry.FirstName, Patronymic = entry.Patronymic };

    protected override AdvisorDraft ToDraft() => new(Input.LastName, Input.FirstName, Input.Patronymic);

    protected override string NameOf(ServiceAdvisor entry) => entry.Name.FullName;

    protected override string Saved(ServiceAdvisor entry) => Text["Admin.Advisors.Saved", NameOf(entry)];

    public sealed class AdvisorInput
    {
        [Required(ErrorMessage = "Validation.Required")]
        [NamePart("LastName")]
        [Display(Name = "Field.LastName")]
        public string LastName { get; set; } = string.Empty;

        [Required(ErrorMessage = "Validation.Required")]
        [NamePart("FirstName")]
        [Display(Name = "Field.FirstName")]
        public string FirstName { get; set; } = string.Empty;

        [NamePart("Patronymic")]
        [Display(Name = "Field.Patronymic")]
        public string? Patronymic { get; set; }
    }
}
