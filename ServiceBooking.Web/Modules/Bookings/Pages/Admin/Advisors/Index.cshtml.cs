using Microsoft.Extensions.Localization;
using ServiceBooking.Domain.Bookings;
using ServiceBooking.Web.Modules.Bookings.Scheduling;
using ServiceBooking.Web.Platform.Admin;

namespace ServiceBooking.Web.Modules.Bookings.Pages.Admin.Advisors;

/// <summary>The service advisors: each active one is a column of the booking grid; one with bookings is deactivated instead of deleted.</summary>
public sealed class Index(AdvisorKind advisors, AdminEntries<ServiceAdvisor> entries, IStringLocalizer<SharedResource> text)
    : AdminListPage<ServiceAdvisor>(entries, text)
{
    public IReadOnlyList<ServiceAdvisor> Advisors { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Advisors = await advisors.ListAsync(cancellationToken);

    protected override string NameOf(ServiceAdvisor entry) => entry.Name.FullName;

    protected override string Toggled(ServiceAdvisor entry) =>
        Text[entry.IsActive ? "Admin.Advisors.Activated" : "Admin.Advisors.Deactivated", NameOf(entry)];

    protected override string Deleted(ServiceAdvisor entry) => Text["Admin.Advisors.Deleted", NameOf(entry)];

    protected override string InUse(ServiceAdvisor entry, EntryUses uses) => Text["Admin.Advisors.InUse", NameOf(entry), uses.Total];
}
