using Microsoft.Extensions.Localization;
using ServiceBooking.Domain.Catalog;
using ServiceBooking.Web.Modules.Catalog.Entries;
using ServiceBooking.Web.Platform.Admin;

namespace ServiceBooking.Web.Modules.Catalog.Pages.Admin.LabourRates;

/// <summary>The labour rates; one still used by a repair type is deactivated instead of deleted.</summary>
public sealed class Index(LabourRateKind rates, AdminEntries<LabourRate> entries, IStringLocalizer<SharedResource> text)
    : AdminListPage<LabourRate>(entries, text)
{
    public IReadOnlyList<LabourRate> Rates { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Rates = await rates.ListAsync(cancellationToken);

    protected override string NameOf(LabourRate entry) => entry.Name;

    protected override string InUse(LabourRate entry, EntryUses uses) => Text["Admin.LabourRates.InUse", entry.Name, uses.Total];
}
