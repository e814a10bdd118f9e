using ServiceBooking.Domain.Common;

namespace ServiceBooking.Domain.WorkOrders;

/// <summary>The workshop's staff of work orders (PRODUCT.md, Roles; seeds 001 and 004), each a role of its own.</summary>
public enum StaffKind
{
    /// <summary>Assigns orders to mechanics and approves their stages (куратор, координатор).</summary>
    Supervisor,

    /// <summary>Takes calls and walk-ins and opens orders for them (оператор).</summary>
    Operator,

    /// <summary>Does the work of an order, stage by stage (инженер, мастер).</summary>
    Mechanic,

    /// <summary>Repairs in the shop what mechanics hand in (стационарный инженер).</summary>
    ShopMechanic,
}

/// <summary>How a mechanic stands right now, as the staff list shows it (colour-coded, and in words).</summary>
public enum MechanicStatus
{
    /// <summary>On shift with nothing to do: can be given an order.</summary>
    Free,

    /// <summary>On shift with an active order (or, in the shop, a claimed car).</summary>
    Busy,

    /// <summary>Not checked in: cannot be given an order.</summary>
    OffShift,

    /// <summary>The account was deactivated: no sign-in, no orders.</summary>
    Deactivated,
}

/// <summary>
/// Who manages whom (seed 001): the superuser (Admin) adds, edits and removes supervisors — and operators, who seed 004's
/// administrators manage — while supervisors do the same for mechanics and shop mechanics. Nobody else manages staff.
/// </summary>
public static class StaffRules
{
    /// <summary>
    /// Whether the actor may add, edit or deactivate an account of <paramref name="kind"/>. An account that also runs the
    /// desk or the site (<paramref name="targetHasOtherStaffRoles"/>: Manager, Admin) is the Admin's to change, never a
    /// supervisor's: a supervisor could otherwise lock a manager out by calling them a mechanic.
    /// </summary>
    public static bool MayManage(bool actorIsAdmin, bool actorIsSupervisor, StaffKind kind, bool targetHasOtherStaffRoles = false) =>
        actorIsAdmin || (actorIsSupervisor && (kind is StaffKind.Mechanic or StaffKind.ShopMechanic) && !targetHasOtherStaffRoles);

    /// <summary>Refuses what <see cref="MayManage"/> does not allow (<c>Staff.NotYours</c>).</summary>
    public static void EnsureMayManage(bool actorIsAdmin, bool actorIsSupervisor, StaffKind kind, bool targetHasOtherStaffRoles)
    {
        if (!MayManage(actorIsAdmin, actorIsSupervisor, kind, targetHasOtherStaffRoles))
        {
            throw new DomainException("Staff.NotYours");
        }
    }

    /// <summary>
    /// Nobody deactivates themselves; an account that also runs the desk or the site loses those roles on the users page
    /// first (so the Admin's rule about the last Admin is not bypassed here); a mechanic is not deactivated while an order
    /// waits on them: it is given to someone else first.
    /// </summary>
    public static void EnsureMayDeactivate(bool isSelf, bool targetHasOtherStaffRoles, string? activeOrderNumber)
    {
        if (isSelf)
        {
            throw new DomainException("Staff.NotYourself");
        }

        if (targetHasOtherStaffRoles)
        {
            throw new DomainException("Staff.HasOtherRoles");
        }

        if (activeOrderNumber is not null)
        {
            throw new DomainException("Staff.HasActiveOrder", activeOrderNumber);
        }
    }

    /// <summary>
    /// Free, busy or off shift. A mechanic who checked out is off shift even with an order still open (the list shows the
    /// order beside the status).
    /// </summary>
    public static MechanicStatus Status(bool deactivated, bool onShift, bool busy) =>
        deactivated ? MechanicStatus.Deactivated : !onShift ? MechanicStatus.OffShift : busy ? MechanicStatus.Busy : MechanicStatus.Free;
}
