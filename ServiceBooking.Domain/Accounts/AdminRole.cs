using ServiceBooking.Domain.Common;

namespace ServiceBooking.Domain.Accounts;

/// <summary>
/// The site must keep an Admin: nobody drops their own Admin role (they would lock themselves out of the area they are
/// using), and the last Admin stays one (reached when the acting Admin lost the role a moment ago and their session has
/// not noticed yet).
/// </summary>
public static class AdminRole
{
    /// <summary>Throws when taking the Admin role from <paramref name="nickname"/> would leave the site without an Admin.</summary>
    public static void EnsureMayRevoke(string nickname, bool isSelf, int admins)
    {
        if (isSelf)
        {
            throw new DomainException("AdminRole.Own");
        }

        if (admins <= 1)
        {
            throw new DomainException("AdminRole.Last", nickname);
        }
    }
}
