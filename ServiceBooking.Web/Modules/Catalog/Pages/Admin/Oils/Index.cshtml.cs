using Microsoft.Extensions.Localization;
using ServiceBooking.Domain.Catalog;
using ServiceBooking.Web.Modules.Catalog.Entries;
using ServiceBooking.Web.Platform.Admin;

namespace ServiceBooking.Web.Modules.Catalog.Pages.Admin.Oils;

/// <summary>The oils; one still used by an engine is deactivated instead of deleted.</summary>
public sealed class Index(OilKind oils, AdminEntries<Oil> entries, IStringLocalizer<SharedResource> text)
    : AdminListPage<Oil>(entries, text)
{
    public IReadOnlyList<Oil> Oils { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Oils = await oils.ListAsync(cancellationToken);

    protected override string NameOf(Oil entry) => entry.Name;

    protected override string InUse(Oil entry, EntryUses uses) => Text["Admin.Oils.InUse", entry.Name, uses.Total];
}
