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
}
