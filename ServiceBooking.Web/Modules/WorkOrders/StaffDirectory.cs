using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ServiceBooking.Domain.Common;
using ServiceBooking.Domain.WorkOrders;
using ServiceBooking.Web.Modules.Accounts;
using ServiceBooking.Web.Platform;
using ServiceBooking.Web.Platform.Data;
using ServiceBooking.Web.Platform.Validation;

namespace ServiceBooking.Web.Modules.WorkOrders;

/// <summary>
/// A member of the work orders' staff as the staff list shows them (<see cref="OnShiftSince"/> in the workshop's local
/// time). <see cref="RunsDeskOrSite"/>: also a Manager or an Admin (such an account is the Admin's to change).
/// </summary>
public sealed record StaffMember(
    string Id, string Nickname, string FullName, string? Email, string? Phone, StaffKind Kind, bool Deactivated, bool RunsDeskOrSite,
    MechanicStatus? Status, int? ActiveOrderId, string? ActiveOrderNumber, DateTime? OnShiftSince)
{
    public (string Last, string First, string? Patronymic) Name { get; init; }

    public bool WorksShifts => Kind is StaffKind.Mechanic or StaffKind.ShopMechanic;
}

/// <summary>
/// What a supervisor or the Admin typed for a member of staff: the phone as typed (optional; kept in E.164), the nickname
/// and email only when creating.
/// </summary>
public sealed record StaffDraft(string Nickname, string Email, string LastName, string FirstName, string? Patronymic, string? Phone, StaffKind Kind);

/// <summary>The staff page: the staff the reader manages, and the attendance of one day.</summary>
public sealed record StaffOverview(IReadOnlyList<StaffMember> Members, DateOnly Date, IReadOnlyList<AttendanceRow> Attendance);

/// <summary>What a change to a member of staff came to.</summary>
public abstract record StaffSaved
{
    private StaffSaved()
    {
    }

    public sealed record Saved(ApplicationUser User) : StaffSaved;

    /// <summary>No such member of staff, or not one the actor manages: a 404.</summary>
    public sealed record NotFound : StaffSaved;

    /// <summary>A rule said no (the code says which; <c>Staff.NotYours</c> when the actor may not manage that kind).</summary>
    public sealed record Refused(DomainException Error) : StaffSaved;

    /// <summary>Identity refused it (nickname or email taken, an invalid nickname): its messages are localized.</summary>
    public sealed record Failed(IReadOnlyList<IdentityError> Errors) : StaffSaved;
}

/// <summary>
/// The staff of work orders (seed 001): the Admin adds, edits and deactivates supervisors and operators; supervisors do
/// the same for mechanics and shop mechanics (<see cref="StaffRules"/>). A member of staff is an account with one of the
/// workshop's roles, made without a password: the welcome email lets them choose one. Deactivating locks the account
/// for good (it keeps its name on every order it touched) and ends its sessions; reactivating unlocks it.
/// </summary>
public sealed class StaffDirectory(
    ApplicationDbContext db, UserManager<ApplicationUser> users, StaffAccounts accounts, Shifts shifts, TimeProvider time, WorkshopClock clock)
{
    /// <summary>A lockout this far away is a deactivation, not Identity's fifteen minutes after wrong passwords.</summary>
    private static readonly DateTimeOffset Deactivated = new(9000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly IReadOnlyDictionary<StaffKind, string> RoleOf = new Dictionary<StaffKind, string>
    {
        [StaffKind.Supervisor] = Roles.Supervisor,
        [StaffKind.Operator] = Roles.Operator,
        [StaffKind.Mechanic] = Roles.Mechanic,
        [StaffKind.ShopMechanic] = Roles.ShopMechanic,
    };

    public static string Role(StaffKind kind) => RoleOf[kind];

    /// <summary>The staff page: whom the actor manages, and the attendance of <paramref name="date"/> (today when null).</summary>
    public async Task<StaffOverview> OverviewAsync(WorkshopActor actor, DateOnly? date, CancellationToken cancellationToken)
    {
        var day = date ?? clock.Today;
        return new StaffOverview(await ListAsync(actor, cancellationToken), day, await shifts.AttendanceAsync(day, cancellationToken));
    }

    /// <summary>The staff the actor manages (the Admin: everyone; a supervisor: mechanics and shop mechanics), by kind and name.</summary>
    public async Task<IReadOnlyList<StaffMember>> ListAsync(WorkshopActor actor, CancellationToken cancellationToken)
    {
        return [.. (await MembersAsync(userId: null, cancellationToken))
            .Where(m => MayManage(actor, m))
            .OrderBy(m => m.Kind).ThenBy(m => m.FullName, StringComparer.CurrentCulture)];
    }

    /// <summary>One member of staff the actor manages; null when there is none (or not the actor's to manage).</summary>
    public async Task<StaffMember?> FindAsync(WorkshopActor actor, string id, CancellationToken cancellationToken)
    {
        var member = (await MembersAsync(id, cancellationToken)).SingleOrDefault();
        return member is not null && MayManage(actor, member) ? member : null;
    }

    /// <summary>Active mechanics (not shop mechanics) with their status: whom a supervisor may give an order to.</summary>
    public async Task<IReadOnlyList<StaffMember>> MechanicsAsync(CancellationToken cancellationToken) =>
        [.. (await MembersAsync(userId: null, cancellationToken))
            .Where(m => m.Kind == StaffKind.Mechanic && !m.Deactivated)
            .OrderBy(m => m.Status).ThenBy(m => m.FullName, StringComparer.CurrentCulture)];

    /// <summary>Makes the account with its role, and queues the welcome email, in one transaction.</summary>
    public async Task<StaffSaved> CreateAsync(WorkshopActor actor, StaffDraft draft, CancellationToken cancellationToken)
    {
        if (Refusal(() => StaffRules.EnsureMayManage(actor.IsAdmin, actor.IsSupervisor, draft.Kind, targetHasOtherStaffRoles: false)) is { } refused)
        {
            return refused;
        }

        if (Phone(draft) is { } wrongPhone)
        {
            return wrongPhone;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var created = await accounts.CreateAsync(Account(draft), Role(draft.Kind), cancellationToken);
        if (created.User is not { } user)
        {
            return new StaffSaved.Failed(created.Errors);
        }

        await transaction.CommitAsync(cancellationToken);
        return new StaffSaved.Saved(user);
    }

    /// <summary>Changes a member's name, phone and kind (the email is theirs to change, in their profile).</summary>
    public async Task<StaffSaved> UpdateAsync(WorkshopActor actor, string id, StaffDraft draft, CancellationToken cancellationToken)
    {
        var member = await FindAsync(actor, id, cancellationToken);
        var user = member is null ? null : await users.FindByIdAsync(id);
        if (member is null || user is null)
        {
            return new StaffSaved.NotFound();
        }

        if (Phone(draft) is { } wrongPhone)
        {
            return wrongPhone;
        }

        if (member.Kind != draft.Kind
            && Refusal(() => StaffRules.EnsureMayManage(actor.IsAdmin, actor.IsSupervisor, draft.Kind, targetHasOtherStaffRoles: false)) is { } refused)
        {
            return refused;
        }

        StaffAccounts.Rename(user, Account(draft));
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var updated = await users.UpdateAsync(user);
        if (!updated.Succeeded)
        {
            return new StaffSaved.Failed([.. updated.Errors]);
        }

        if (member.Kind != draft.Kind)
        {
            await users.RemoveFromRoleAsync(user, Role(member.Kind));
            await users.AddToRoleAsync(user, Role(draft.Kind));
            // The old role must not live on in a cookie (as the Admin's users page does for revoked roles).
            await users.UpdateSecurityStampAsync(user);
        }

        await transaction.CommitAsync(cancellationToken);
        return new StaffSaved.Saved(user);
    }

    /// <summary>Locks the account for good and ends its sessions; refused for oneself and while an order waits on the mechanic.</summary>
    public async Task<StaffSaved> DeactivateAsync(WorkshopActor actor, string id, CancellationToken cancellationToken)
    {
        var member = await FindAsync(actor, id, cancellationToken);
        var user = member is null ? null : await users.FindByIdAsync(id);
        if (member is null || user is null)
        {
            return new StaffSaved.NotFound();
        }

        if (Refusal(() => StaffRules.EnsureMayDeactivate(id == actor.Id, member.RunsDeskOrSite, member.ActiveOrderNumber)) is { } refused)
        {
            return refused;
        }

        if (await shifts.CurrentAsync(id, cancellationToken) is not null)
        {
            // Whoever leaves for good leaves their shift too.
            await shifts.CheckOutAsync(id, cancellationToken);
        }

        await users.SetLockoutEnabledAsync(user, true);
        await users.SetLockoutEndDateAsync(user, Deactivated);
        await users.UpdateSecurityStampAsync(user);
        return new StaffSaved.Saved(user);
    }

    public async Task<StaffSaved> ReactivateAsync(WorkshopActor actor, string id, CancellationToken cancellationToken)
    {
        var member = await FindAsync(actor, id, cancellationToken);
        var user = member is null ? null : await users.FindByIdAsync(id);
        if (member is null || user is null)
        {
            return new StaffSaved.NotFound();
        }

        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        return new StaffSaved.Saved(user);
    }

    private static StaffAccountDraft Account(StaffDraft draft) =>
        new(draft.Nickname, draft.Email, draft.LastName, draft.FirstName, draft.Patronymic, draft.Phone);

    /// <summary>A phone that was typed must be a valid number (<c>Phone.Invalid</c>); none at all is fine.</summary>
    private static StaffSaved.Refused? Phone(StaffDraft draft) =>
        string.IsNullOrWhiteSpace(draft.Phone) ? null : Refusal(() => Phones.Normalise(draft.Phone));

    private static StaffSaved.Refused? Refusal(Action rule)
    {
        try
        {
            rule();
            return null;
        }
        catch (DomainException error)
        {
            return new StaffSaved.Refused(error);
        }
    }

    private static bool MayManage(WorkshopActor actor, StaffMember member) =>
        StaffRules.MayManage(actor.IsAdmin, actor.IsSupervisor, member.Kind, member.RunsDeskOrSite);

    /// <summary>The accounts holding one of the workshop's roles (or the one of <paramref name="userId"/>), with their status now.</summary>
    private async Task<List<StaffMember>> MembersAsync(string? userId, CancellationToken cancellationToken)
    {
        var workshop = Roles.WorkshopStaff.Select(r => Roles.Ids[r]).ToList();
        var deskOrSite = new[] { Roles.Ids[Roles.Manager], Roles.Ids[Roles.Admin] };
        var people = db.UserRoles.Where(ur => workshop.Contains(ur.RoleId) && (userId == null || ur.UserId == userId)).Select(ur => ur.UserId);
        var rows = await (from ur in db.UserRoles
                          join u in db.Users on ur.UserId equals u.Id
                          where people.Contains(u.Id)
                          select new { u.Id, u.UserName, u.LastName, u.FirstName, u.Patronymic, u.Email, u.PhoneNumber, u.LockoutEnd, ur.RoleId })
            .AsNoTracking().ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.Id).Distinct().ToList();
        var onShift = await shifts.OnShiftAsync(ids, cancellationToken);
        var active = await db.WorkOrders.AsNoTracking()
            .Where(o => (o.MechanicId != null && ids.Contains(o.MechanicId)
                    && (o.Status == WorkOrderStatus.Assigned || o.Status == WorkOrderStatus.InProgress))
                || (o.ShopMechanicId != null && ids.Contains(o.ShopMechanicId) && o.ShopFiledAt == null
                    && o.Status == WorkOrderStatus.InProgress))
            .Select(o => new { o.Id, o.Number, o.MechanicId, o.ShopMechanicId })
            .ToListAsync(cancellationToken);
        var now = time.GetUtcNow();

        // One row per person: the first of their workshop roles in the order of StaffKind.
        return [.. rows.GroupBy(r => r.Id).Select(person =>
        {
            var first = person.First();
            var kind = Enum.GetValues<StaffKind>().First(k => person.Any(r => r.RoleId == Roles.Ids[Role(k)]));
            var order = active.FirstOrDefault(o => (kind == StaffKind.ShopMechanic ? o.ShopMechanicId : o.MechanicId) == first.Id);
            var deactivated = first.LockoutEnd >= Deactivated;
            var since = onShift.TryGetValue(first.Id, out var checkedIn) ? checkedIn : (DateTimeOffset?)null;
            var shiftWorker = kind is StaffKind.Mechanic or StaffKind.ShopMechanic;
            return new StaffMember(
                first.Id, first.UserName ?? first.Id, StaffNames.Full(first.LastName, first.FirstName, first.Patronymic), first.Email,
                first.PhoneNumber, kind, deactivated, person.Any(r => deskOrSite.Contains(r.RoleId)),
                shiftWorker ? StaffRules.Status(deactivated, since is not null && now >= since, order is not null) : null,
                order?.Id, order?.Number.ToString(), since is { } instant ? TimeZoneInfo.ConvertTime(instant, clock.Zone).DateTime : null)
            {
                Name = (first.LastName, first.FirstName, first.Patronymic),
            };
        })];
    }
}
