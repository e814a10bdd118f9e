namespace ServiceBooking.Web.Platform.Data;

/// <summary>The roles of PRODUCT.md. They are created by a migration, so every database has them.</summary>
public static class Roles
{
    public const string Client = "Client";
    public const string Manager = "Manager";
    public const string Admin = "Admin";

    /// <summary>Work orders (PRODUCT.md section G): assigns orders and approves stages; manages mechanics.</summary>
    public const string Supervisor = "Supervisor";

    /// <summary>Work orders: does the work of the orders given to them.</summary>
    public const string Mechanic = "Mechanic";

    /// <summary>Work orders: repairs in the shop what mechanics hand in.</summary>
    public const string ShopMechanic = "ShopMechanic";

    /// <summary>Work orders: opens orders for people who call or walk in.</summary>
    public const string Operator = "Operator";

    /// <summary>Pick-up and delivery (PRODUCT.md section H): collects clients' cars; an account made by a manager or the Admin.</summary>
    public const string Driver = "Driver";

    /// <summary>Roles an Admin may grant or revoke from the Admin area.</summary>
    public static readonly IReadOnlyList<string> Grantable = [Manager, Admin];

    public static readonly IReadOnlyList<string> All = [Client, Manager, Admin, Supervisor, Mechanic, ShopMechanic, Operator, Driver];

    /// <summary>The roles of the work orders' staff, given and taken on the staff pages (not the Admin's users page).</summary>
    public static readonly IReadOnlyList<string> WorkshopStaff = [Supervisor, Operator, Mechanic, ShopMechanic];

    /// <summary>Managers and Admins both run the desk.</summary>
    public const string Staff = Manager + "," + Admin;

    /// <summary>The fixed ids the migrations gave the roles (see <see cref="RoleConfiguration"/>).</summary>
    public static readonly IReadOnlyDictionary<string, string> Ids = new Dictionary<string, string>
    {
        [Client] = "7d1f3b52-0c1e-4a55-9b1e-3f3c8d2a0001",
        [Manager] = "7d1f3b52-0c1e-4a55-9b1e-3f3c8d2a0002",
        [Admin] = "7d1f3b52-0c1e-4a55-9b1e-3f3c8d2a0003",
        [Supervisor] = "7d1f3b52-0c1e-4a55-9b1e-3f3c8d2a0004",
        [Mechanic] = "7d1f3b52-0c1e-4a55-9b1e-3f3c8d2a0005",
        [ShopMechanic] = "7d1f3b52-0c1e-4a55-9b1e-3f3c8d2a0006",
        [Operator] = "7d1f3b52-0c1e-4a55-9b1e-3f3c8d2a0007",
        [Driver] = "7d1f3b52-0c1e-4a55-9b1e-3f3c8d2a0008",
    };

    /// <summary>The role's name for its id (the id itself for a role this code does not know).</summary>
    public static string NameOf(string roleId) => Ids.FirstOrDefault(pair => pair.Value == roleId).Key ?? roleId;
}
