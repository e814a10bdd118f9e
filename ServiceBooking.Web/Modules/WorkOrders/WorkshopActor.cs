using System.Security.Claims;
using ServiceBooking.Web.Platform.Data;

namespace ServiceBooking.Web.Modules.WorkOrders;

/// <summary>Who asks, as the work orders' rules need it: the account and which of the workshop's roles it holds.</summary>
public sealed record WorkshopActor(string Id, bool IsAdmin, bool IsSupervisor, bool IsMechanic, bool IsShopMechanic, bool IsIntake)
{
    /// <summary>Supervisors, operators, the front desk and the Admin see every order; mechanics only their own.</summary>
    public bool SeesAllOrders => IsAdmin || IsSupervisor || IsIntake;

    /// <summary>Supervisors (and the Admin) assign orders and keep the blacklist.</summary>
    public bool Supervises => IsAdmin || IsSupervisor;

    /// <summary>Mechanics and shop mechanics check in and out.</summary>
    public bool WorksShifts => IsMechanic || IsShopMechanic;

    public static WorkshopActor Of(ClaimsPrincipal user) => new(
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("Nobody is signed in."),
        user.IsInRole(Roles.Admin),
        user.IsInRole(Roles.Supervisor),
        user.IsInRole(Roles.Mechanic),
        user.IsInRole(Roles.ShopMechanic),
        user.IsInRole(Roles.Operator) || user.IsInRole(Roles.Manager));
}
