using System.Security.Cryptography;
using System.Text;

namespace ServiceBooking.Web.Modules.Api;

/// <summary>
/// How credentials look on the wire: an application's token <c>sbk_</c>{prefix}<c>_</c>{secret}, a staff member's refresh
/// token <c>sbr_</c>{session}<c>_</c>{secret} and their access token <c>sba_</c>{signed payload}. Secrets are 32 random
/// bytes (base64url); only their SHA-256 is stored, and a hash is compared in constant time.
/// </summary>
public static class ApiTokenFormat
{
    public const string TokenMark = "sbk_";

    public const string RefreshMark = "sbr_";

    public const string AccessMark = "sba_";

    /// <summary>The public part of an application's token: 12 characters, unique, shown in the Admin's list.</summary>
    public const int PrefixLength = 12;

    public static string NewSecret(int bytes = 32) => Base64Url(RandomNumberGenerator.GetBytes(bytes));

    public static byte[] Hash(string credential) => SHA256.HashData(Encoding.UTF8.GetBytes(credential));

    public static bool Matches(string credential, byte[] hash) => CryptographicOperations.FixedTimeEquals(Hash(credential), hash);

    /// <summary>A new public part: 12 random characters (9 bytes, base64url).</summary>
    public static string NewKey() => NewSecret(9)[..PrefixLength];

    /// <summary>A new application token and its prefix.</summary>
    public static (string Token, string Prefix) NewToken()
    {
        var prefix = NewKey();
        return ($"{TokenMark}{prefix}_{NewSecret()}", prefix);
    }

    /// <summary>The prefix of an application token, or null when <paramref name="token"/> is not shaped like one.</summary>
    public static string? PrefixOf(string token) =>
        token.StartsWith(TokenMark, StringComparison.Ordinal) && token.Length > TokenMark.Length + PrefixLength + 1
            && token[TokenMark.Length + PrefixLength] == '_'
            ? token.Substring(TokenMark.Length, PrefixLength)
            : null;

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
