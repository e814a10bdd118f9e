namespace ServiceBooking.Web.Platform.Hosting;

/// <summary>The authorization policies pages are given by their modules.</summary>
public static class Policies
{
    /// <summary>The Admin role: the catalog, the working calendar, users, the email queue.</summary>
    public const string Admin = "Admin";

    /// <summary>Manager or Admin: the desk and the campaigns.</summary>
    public const string Staff = "Staff";
}
