using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using ServiceBooking.Web.Platform.Data;

namespace ServiceBooking.Web.Platform.Audit;

/// <summary>
/// Which fields the trail records and how their values are written: as stored in the database (a plate as its text,
/// money as its amount, an enum as its name), in JSON. Secrets are never written, whichever entity holds them.
/// </summary>
internal static class AuditValues
{
    /// <summary>
    /// A field whose name says it holds a secret (a password hash, a token, a key for an authenticator) is recorded as
    /// <c>{"withheld": true}</c> when it changes: the trail says a password was changed, never what it was or became.
    /// </summary>
    private static readonly string[] SecretNames = ["Password", "Token", "Secret", "AuthenticatorKey", "RecoveryCode"];

    /// <summary>
    /// Stamps that change with every save of a row (Identity's security and concurrency stamps; they are secrets as
    /// well) are not recorded at all: the change that moved them is.
    /// </summary>
    private static readonly string[] StampNames = ["SecurityStamp", "ConcurrencyStamp"];

    public static bool IsSecret(string name) => SecretNames.Any(secret => name.Contains(secret, StringComparison.OrdinalIgnoreCase));

    /// <summary>Keys (the entry names the entity), concurrency tokens, stamps and the created/updated stamps are left out.</summary>
    public static bool IsRecorded(PropertyEntry property, AuditedEntity registration)
    {
        var metadata = property.Metadata;
        return !metadata.IsPrimaryKey()
            && !metadata.IsConcurrencyToken
            && !StampNames.Contains(metadata.Name, StringComparer.Ordinal)
            && !registration.Ignored.Contains(metadata.Name)
            && !(typeof(IHasTimestamps).IsAssignableFrom(metadata.DeclaringType.ClrType)
                 && metadata.Name is nameof(IHasTimestamps.CreatedAt) or nameof(IHasTimestamps.UpdatedAt));
    }

    /// <summary>
    /// The value as the database stores it, in JSON (null stays null): converted as the column is (a plate as text,
    /// money as its amount), and a decimal with the column's scale (3 333 roubles read back as 3333.00, the way the
    /// value it replaced was read).
    /// </summary>
    public static JsonNode? ToJson(IProperty property, object? value)
    {
        if (value is null)
        {
            return null;
        }

        var stored = property.GetTypeMapping().Converter is { } converter ? converter.ConvertToProvider(value) : value;
        if (stored is decimal amount && property.GetScale() is { } scale)
        {
            stored = decimal.Parse(
                Math.Round(amount, scale, MidpointRounding.AwayFromZero).ToString("F" + scale.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture),
                CultureInfo.InvariantCulture);
        }

        return JsonSerializer.SerializeToNode(stored);
    }

    /// <summary>A projection (an anonymous object) as a JSON object of its fields.</summary>
    public static JsonObject ToObject(object projection) =>
        JsonSerializer.SerializeToNode(projection) as JsonObject
        ?? throw new ArgumentException("An audit projection must be an object with fields.", nameof(projection));

    public static JsonObject Change(JsonNode? before, JsonNode? after) => new() { ["before"] = before, ["after"] = after };

    public static JsonObject Withheld() => new() { ["withheld"] = true };

    public static string Key(object? value) => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;
}
