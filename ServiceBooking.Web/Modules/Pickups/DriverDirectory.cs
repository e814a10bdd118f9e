using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ServiceBooking.Domain.Common;
using ServiceBooking.Domain.Pickups;
using ServiceBooking.Web.Modules.Accounts;
using ServiceBooking.Web.Modules.WorkOrders;
using ServiceBooking.Web.Platform;
using ServiceBooking.Web.Platform.Data;
using ServiceBooking.Web.Platform.Validation;

namespace ServiceBooking.Web.Modules.Pickups;

/// <summary>A driver as the drivers' list shows them: the districts by name, the active job's request when there is one.</summary>
public sealed record DriverRow(
    string Id, string Nickname, string FullName, string? Email, string? Phone, bool IsActive, IReadOnlyList<int> DistrictIds,
    IReadOnlyList<string> Districts, int? ActiveJobId)
{
    public (string Last, string First, string? Patronymic) Name { get; init; }
}

/// <summary>A driver's card: the row, the active job and the figures of their finished jobs.</summary>
public sealed record DriverCard(DriverRow Driver, PickupRow? Job, DriverStats Stats);

/// <summary>What a manager typed for a driver: the account's facts (nickname and email only when creating), the districts, active or not.</summary>
public sealed record DriverDraft(StaffAccountDraft Account, IReadOnlyList<int> DistrictIds, bool IsActive);

/// <summary>What a change to a driver came to.</summary>
public abstract record DriverSaved
{
    private DriverSaved()
    {
    }

    public sealed record Saved(string Id, string Nickname) : DriverSaved;

    public sealed record NotFound : DriverSaved;

    public sealed record Refused(DomainException Error) : DriverSaved;

    public sealed record Failed(IReadOnlyList<IdentityError> Errors) : DriverSaved;
}

/// <summary>
/// The drivers (PRODUCT.md section H), kept by managers and the Admin: a driver is an account with the Driver role
/// (made without a password: the welcome email lets them choose one) and a profile with the districts served and
/// whether they take jobs. A driver made active, or given districts, takes a waiting request at once.
/// </summary>
public sealed class DriverDirectory(
    ApplicationDbContext db, UserManager<ApplicationUser> users, StaffAccounts accounts, PickupDispatcher dispatcher, PickupRequests requests,
    TimeProvider time, WorkshopClock clock)
{
    public async Task<IReadOnlyList<DriverRow>> ListAsync(CancellationToken cancellationToken) => await RowsAsync(null, cancellationToken);

    public async Task<DriverRow?> FindAsync(string id, CancellationToken cancellationToken) => (await RowsAsync(id, cancellationToken)).SingleOrDefault();

    /// <summary>The driver's card: active job and the figures (jobs done, average assigned → done, jobs per day worked).</summary>
    public async Task<DriverCard?> CardAsync(string id, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } driver)
        {
            return null;
        }

        var jobs = await db.PickupRequests.AsNoTracking()
            .Where(r => r.DriverId == id && r.AssignedAt != null && r.CompletedAt != null)
            .Select(r => new FinishedJob(r.AssignedAt!.Value, r.CompletedAt!.Value)).ToListAsync(cancellationToken);
        var job = driver.ActiveJobId is { } jobId ? (await requests.RowsOfAsync([jobId], cancellationToken)).SingleOrDefault() : null;
        return new DriverCard(driver, job, DriverStats.Of(jobs, clock.Zone));
    }

    /// <summary>Makes the account (role Driver, welcome email) and the profile in one transaction; then the driver may take a job.</summary>
    public async Task<DriverSaved> CreateAsync(DriverDraft draft, CancellationToken cancellationToken)
    {
        if (await CheckAsync(draft, cancellationToken) is { } refused)
        {
            return refused;
        }

        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var created = await accounts.CreateAsync(draft.Account, Roles.Driver, cancellationToken);
            if (created.User is not { } user)
            {
                return new DriverSaved.Failed(created.Errors);
            }

            var driver = Driver.Create(user.Id, draft.DistrictIds, time.GetUtcNow());
            if (!draft.IsActive)
            {
                driver.Deactivate();
            }

            db.Drivers.Add(driver);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            await dispatcher.TakeNextAsync(user.Id, cancellationToken);
            return new DriverSaved.Saved(user.Id, user.UserName ?? user.Id);
        }
    }

    /// <summary>Changes the name, phone, districts and whether the driver takes jobs (the email is theirs to change).</summary>
    public async Task<DriverSaved> UpdateAsync(string id, DriverDraft draft, CancellationToken cancellationToken)
    {
        var driver = await db.Drivers.SingleOrDefaultAsync(d => d.UserId == id, cancellationToken);
        var user = driver is null ? null : await users.FindByIdAsync(id);
        if (driver is null || user is null)
        {
            return new DriverSaved.NotFound();
        }

        if (await CheckAsync(draft, cancellationToken) is { } refused)
        {
            return refused;
        }

        StaffAccounts.Rename(user, draft.Account);
        driver.Serve(draft.DistrictIds);
        if (draft.IsActive)
        {
            driver.Activate();
        }
        else
        {
            driver.Deactivate();
        }

        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var updated = await users.UpdateAsync(user);
            if (!updated.Succeeded)
            {
                return new DriverSaved.Failed([.. updated.Errors]);
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        await dispatcher.TakeNextAsync(id, cancellationToken);
        return new DriverSaved.Saved(id, user.UserName ?? id);
    }

    /// <summary>A phone that was typed must be valid; at least one district, each of them existing.</summary>
    private async Task<DriverSaved.Refused?> CheckAsync(DriverDraft draft, CancellationToken cancellationToken)
    {
        try
        {
            if (!string.IsNullOrWhiteSpace(draft.Account.Phone))
            {
                Phones.Normalise(draft.Account.Phone);
            }

            var known = await db.Districts.Where(d => draft.DistrictIds.Contains(d.Id)).CountAsync(cancellationToken);
            if (draft.DistrictIds.Count == 0 || known != draft.DistrictIds.Distinct().Count())
            {
                throw new DomainException("Driver.NoDistrict");
            }

            return null;
        }
        catch (DomainException error)
        {
            return new DriverSaved.Refused(error);
        }
    }

    private async Task<List<DriverRow>> RowsAsync(string? id, CancellationToken cancellationToken)
    {
        var rows = await (
            from d in db.Drivers.AsNoTracking()
            join u in db.Users on d.UserId equals u.Id
            where id == null || d.UserId == id
            select new
            {
                d.UserId,
                u.UserName,
                u.LastName,
                u.FirstName,
                u.Patronymic,
                u.Email,
                u.PhoneNumber,
                d.IsActive,
                d.DistrictIds,
                Job = db.PickupRequests.Where(r => r.DriverId == d.UserId && r.Status == PickupStatus.InProgress).Select(r => (int?)r.Id).FirstOrDefault(),
            }).ToListAsync(cancellationToken);
        var names = await db.Districts.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Name, cancellationToken);
        return [.. rows.Select(r => new DriverRow(
                r.UserId, r.UserName ?? r.UserId, StaffNames.Full(r.LastName, r.FirstName, r.Patronymic), r.Email, r.PhoneNumber, r.IsActive, r.DistrictIds,
                [.. r.DistrictIds.Select(n => names.GetValueOrDefault(n, "?")).Order(StringComparer.CurrentCulture)], r.Job)
            {
                Name = (r.LastName, r.FirstName, r.Patronymic),
            })
            .OrderBy(r => r.FullName, StringComparer.CurrentCulture)];
    }
}
