using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace ServiceBooking.Web.Modules.Campaigns;

/// <summary>
/// The signed token of a promo email's unsubscribe link: it names the account and cannot be forged or altered. It
/// does not expire (an old email's link must still work) and needs no sign-in.
/// </summary>
public sealed class UnsubscribeTokens(IDataProtectionProvider protection)
{
    private readonly IDataProtector _protector = protection.CreateProtector("ServiceBooking.Unsubscribe.v1");

    public string For(string userId) => _protector.Protect(userId);

    /// <summary>The account the token names, or null when the token was altered or is not ours.</summary>
    public string? Read(string? token)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            return null;
        }

        try
        {
            return _protector.Unprotect(token);
        }
        catch (CryptographicException)
        {
            return null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
