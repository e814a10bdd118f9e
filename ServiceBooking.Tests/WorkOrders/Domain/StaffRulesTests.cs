using ServiceBooking.Domain.Common;
using ServiceBooking.Domain.WorkOrders;

namespace ServiceBooking.Tests.WorkOrders.Domain;

public sealed class StaffRulesTests
{
    [Theory]
    [InlineData(StaffKind.Supervisor, true, false)]
    [InlineData(StaffKind.Operator, true, false)]
    [InlineData(StaffKind.Mechanic, true, true)]
    [InlineData(StaffKind.ShopMechanic, true, true)]
    public void The_admin_manages_every_kind_of_staff_and_a_supervisor_only_mechanics(StaffKind kind, bool admin, bool supervisor)
    {
        Assert.Equal(admin, StaffRules.MayManage(actorIsAdmin: true, actorIsSupervisor: false, kind));
        Assert.Equal(supervisor, StaffRules.MayManage(actorIsAdmin: false, actorIsSupervisor: true, kind));
        Assert.False(StaffRules.MayManage(actorIsAdmin: false, actorIsSupervisor: false, kind));
    }

    [Fact]
    public void A_supervisor_may_not_touch_a_mechanic_who_also_runs_the_desk_or_the_site()
    {
        Assert.False(StaffRules.MayManage(false, true, StaffKind.Mechanic, targetHasOtherStaffRoles: true));
        var error = Assert.Throws<DomainException>(() => StaffRules.EnsureMayManage(false, true, StaffKind.Mechanic, targetHasOtherStaffRoles: true));

        Assert.Equal("Staff.NotYours", error.Code);
        StaffRules.EnsureMayManage(true, false, StaffKind.Mechanic, targetHasOtherStaffRoles: true);
        StaffRules.EnsureMayManage(false, true, StaffKind.ShopMechanic, targetHasOtherStaffRoles: false);
    }

    [Fact]
    public void Nobody_deactivates_themselves_nor_a_manager_or_admin_nor_a_mechanic_an_order_waits_on()
    {
        Assert.Equal("Staff.NotYourself", Assert.Throws<DomainException>(() => StaffRules.EnsureMayDeactivate(true, false, null)).Code);
        Assert.Equal("Staff.HasOtherRoles", Assert.Throws<DomainException>(() => StaffRules.EnsureMayDeactivate(false, true, null)).Code);
        var busy = Assert.Throws<DomainException>(() => StaffRules.EnsureMayDeactivate(false, false, "2026-00007"));

        Assert.Equal(("Staff.HasActiveOrder", "2026-00007"), (busy.Code, busy.Arguments[0]));
        StaffRules.EnsureMayDeactivate(isSelf: false, targetHasOtherStaffRoles: false, activeOrderNumber: null);
    }

    [Theory]
    [InlineData(false, true, false, MechanicStatus.Free)]
    [InlineData(false, true, true, MechanicStatus.Busy)]
    [InlineData(false, false, true, MechanicStatus.OffShift)]
    [InlineData(false, false, false, MechanicStatus.OffShift)]
    [InlineData(true, true, true, MechanicStatus.Deactivated)]
    public void A_mechanic_is_free_busy_or_off_shift(bool deactivated, bool onShift, bool busy, MechanicStatus expected)
    {
        Assert.Equal(expected, StaffRules.Status(deactivated, onShift, busy));
    }
}
