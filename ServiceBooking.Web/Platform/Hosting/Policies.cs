namespace ServiceBooking.Web.Platform.Hosting;

/// <summary>The authorization policies pages are given by their modules.</summary>
public static class Policies
{
    /// <summary>The Admin role: the catalog, the working calendar, users, the email queue.</summary>
    public const string Admin = "Admin";

    /// <summary>Manager or Admin: the desk and the campaigns.</summary>
    public const string Staff = "Staff";

    /// <summary>Supervisor or Admin: assigning orders, the staff of work orders, shifts, the blacklist.</summary>
    public const string Supervisors = "Supervisors";

    /// <summary>Who takes a car or a call in and opens a work order: operators, supervisors, the front desk, the Admin.</summary>
    public const string Intake = "Intake";

    /// <summary>Mechanic or shop mechanic: checking in and out.</summary>
    public const string Shifts = "Shifts";

    /// <summary>Shop mechanics, supervisors and the Admin: the in-shop queue.</summary>
    public const string ShopFloor = "ShopFloor";

    /// <summary>Everyone who works on orders (mechanics see only their own): the intake's people, mechanics, shop mechanics.</summary>
    public const string Workshop = "Workshop";

    /// <summary>Drivers: their own jobs on the driver's page.</summary>
    public const string Drivers = "Drivers";

    /// <summary>Who watches the pick-ups change: the desk and the drivers.</summary>
    public const string PickupsLive = "PickupsLive";
}
