namespace ServiceBooking.Web.Platform.Data;

/// <summary>The roles of PRODUCT.md. They are created by a migration, so every database has them.</summary>
public static class Roles
{
    public const string Client = "Client";
    public const string Manager = "Manager";
    public const string Admin = "Admin";

    /// <summary>Roles an Admin may grant or revoke from the Admin area.</summary>
    public static readonly IReadOnlyList<string> Grantable = [Manager, Admin];

    public static readonly IReadOnlyList<string> All = [Client, Manager, Admin];

    /// <summary>Managers and Admins both run the desk.</summary>
    public const string Staff = Manager + "," + Admin;

    /// <summary>The fixed ids the migrations gave the roles (see <see cref="RoleConfiguration"/>).</summary>
    public static readonly IReadOnlyDictionary<string, string> Ids = new Dictionary<string, string>
    {
        [Client] = "7d1f3b52-0c1e-4a55-9b1e-3f3c8d2a0001",
        [Manager] = "7d1f3b52-0c1e-4a55-9b1e-3f3c8d2a0002",
        [Admin] = "7d1f3b52-0c1e-4a55-9b1e-3f3c8d2a0003",
    };

    /// <summary>The role's name for its id (the id itself for a role this code does not know).</summary>
    public static string NameOf(string roleId) => Ids.FirstOrDefault(pair => pair.Value == roleId).Key ?? roleId;
}
