using Microsoft.EntityFrameworkCore;
using ServiceBooking.Domain.Accounts;
using ServiceBooking.Domain.Bookings;
using ServiceBooking.Domain.Common;
using ServiceBooking.Web.Platform.Admin;
using ServiceBooking.Web.Platform.Data;

namespace ServiceBooking.Web.Modules.Bookings.Scheduling;

/// <summary>What an Admin typed for a service advisor.</summary>
public sealed record AdvisorDraft(string LastName, string FirstName, string? Patronymic);

/// <summary>
/// Service advisors: each active one is a column of the booking grid, so no two have the same full name (the columns'
/// headings would leave clients guessing); bookings name them.
/// </summary>
public sealed class AdvisorKind(ApplicationDbContext db) : AdminEntryKind<ServiceAdvisor, AdvisorDraft, NoChoices>
{
    public async Task<IReadOnlyList<ServiceAdvisor>> ListAsync(CancellationToken cancellationToken) =>
        await db.ServiceAdvisors.AsNoTracking()
            .OrderBy(a => a.LastName).ThenBy(a => a.FirstName).ThenBy(a => a.Patronymic)
            .ToListAsync(cancellationToken);

    public override Task<NoChoices> ChoicesAsync(ServiceAdvisor? entry, CancellationToken cancellationToken) => NoChoices.None;

    /// <summary>A new advisor is active: a column of the booking grid at once.</summary>
    public override Task<ServiceAdvisor> CreateAsync(AdvisorDraft draft, CancellationToken cancellationToken) =>
        Task.FromResult(new ServiceAdvisor(NameOf(draft)));

    public override Task UpdateAsync(ServiceAdvisor entry, AdvisorDraft draft, CancellationToken cancellationToken)
    {
        entry.Rename(NameOf(draft));
        return Task.CompletedTask;
    }

    public override EntryKey<ServiceAdvisor> KeyOf(ServiceAdvisor entry) => new(
        a => a.LastName == entry.LastName && a.FirstName == entry.FirstName && a.Patronymic == entry.Patronymic,
        UniqueIndex: null,
        new DomainException("ServiceAdvisor.NameTaken", entry.Name.FullName));

    /// <summary>Bookings (past, upcoming or cancelled) that name the advisor: they keep the row alive.</summary>
    public override async Task<EntryUses> CountUsesAsync(int id, CancellationToken cancellationToken) =>
        EntryUses.Of(await db.Bookings.CountAsync(b => b.AdvisorId == id, cancellationToken));

    private static PersonName NameOf(AdvisorDraft draft) => PersonName.Create(draft.LastName, draft.FirstName, draft.Patronymic);
}
