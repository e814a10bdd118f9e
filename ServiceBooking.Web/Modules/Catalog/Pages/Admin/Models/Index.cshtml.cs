using Microsoft.Extensions.Localization;
using ServiceBooking.Domain.Catalog;
using ServiceBooking.Web.Modules.Catalog.Entries;
using ServiceBooking.Web.Platform.Admin;

namespace ServiceBooking.Web.Modules.Catalog.Pages.Admin.Models;

/// <summary>The car models; one a car, part or repair type refers to is deactivated instead of deleted, and the message says by what.</summary>
public sealed class Index(CarModelKind models, AdminEntries<CarModel> entries, IStringLocalizer<SharedResource> text)
    : AdminListPage<CarModel>(entries, text)
{
    public IReadOnlyList<CarModel> Models { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Models = await models.ListAsync(cancellationToken);

    protected override string NameOf(CarModel entry) => entry.Name;

    /// <summary>Cars, parts and repair types, in the order <see cref="CarModelKind.CountUsesAsync"/> counts them.</summary>
    protected override string InUse(CarModel entry, EntryUses uses) =>
        Text["Admin.Models.InUse", entry.Name, uses.Counts[0], uses.Counts[1], uses.Counts[2]];
}
