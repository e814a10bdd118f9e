using Microsoft.Extensions.Localization;
using ServiceBooking.Domain.Catalog;
using ServiceBooking.Web.Modules.Catalog.Entries;
using ServiceBooking.Web.Platform.Admin;

namespace ServiceBooking.Web.Modules.Catalog.Pages.Admin.Engines;

/// <summary>The engines; one still used by a car model is deactivated instead of deleted.</summary>
public sealed class Index(EngineKind engines, AdminEntries<Engine> entries, IStringLocalizer<SharedResource> text)
    : AdminListPage<Engine>(entries, text)
{
    public IReadOnlyList<Engine> Engines { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Engines = await engines.ListAsync(cancellationToken);

    protected override string NameOf(Engine entry) => entry.Code;

    protected override string InUse(Engine entry, EntryUses uses) => Text["Admin.Engines.InUse", entry.Code, uses.Total];
}
