namespace ServiceBooking.Web.Modules.Bookings;

/// <summary>
/// Whether the workshop still takes online bookings from a client. Kept by another module (work orders' blacklist),
/// which registers its implementation; the desk asks every one registered, so with none everybody may book.
/// </summary>
public interface IClientBlacklist
{
    /// <summary>True when the client (by account, or by the phone on the account) is on the blacklist now.</summary>
    Task<bool> IsBlacklistedAsync(string clientId, CancellationToken cancellationToken);
}
