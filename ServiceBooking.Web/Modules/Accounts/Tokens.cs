using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace ServiceBooking.Web.Modules.Accounts;

/// <summary>Identity tokens travel in links base64url-encoded, so no character is mangled on the way.</summary>
public static class Tokens
{
    public static string Encode(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    /// <summary>Null when the link was cut or tampered with.</summary>
    public static string? Decode(string? code)
    {
        if (string.IsNullOrEmpty(code))
        {
            return null;
        }

        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
