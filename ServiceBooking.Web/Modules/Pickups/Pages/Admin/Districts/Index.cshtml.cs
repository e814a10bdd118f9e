using Microsoft.Extensions.Localization;
using ServiceBooking.Domain.Pickups;
using ServiceBooking.Web.Platform.Admin;

namespace ServiceBooking.Web.Modules.Pickups.Pages.Admin.Districts;

/// <summary>The districts cars are collected from; one that requests or drivers refer to is deactivated instead of deleted.</summary>
public sealed class Index(DistrictKind districts, AdminEntries<District> entries, IStringLocalizer<SharedResource> text)
    : AdminListPage<District>(entries, text)
{
    public IReadOnlyList<District> Districts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Districts = await districts.ListAsync(cancellationToken);

    protected override string NameOf(District entry) => entry.Name;

    protected override string InUse(District entry, EntryUses uses) => Text["Admin.Districts.InUse", entry.Name, uses.Counts[0], uses.Counts[1]];
}
