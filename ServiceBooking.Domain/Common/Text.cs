namespace ServiceBooking.Domain.Common;

/// <summary>Checks for the short texts entities hold (names, codes).</summary>
public static class Text
{
    /// <summary>Trimmed, with inner runs of spaces collapsed; throws <c>{code}Required</c> or <c>{code}TooLong</c>.</summary>
    public static string Required(string? input, int maxLength, string code)
    {
        var value = string.Join(' ', (input ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (value.Length == 0)
        {
            throw new DomainException(code + "Required");
        }

        return value.Length > maxLength ? throw new DomainException(code + "TooLong", maxLength) : value;
    }

    /// <summary>As <see cref="Required"/>, but empty gives null.</summary>
    public static string? Optional(string? input, int maxLength, string code) =>
        string.IsNullOrWhiteSpace(input) ? null : Required(input, maxLength, code);

    /// <summary>A decimal within [min, max] with at most <paramref name="decimals"/> places; throws <c>{code}OutOfRange</c>.</summary>
    public static decimal InRange(decimal value, decimal min, decimal max, int decimals, string code) =>
        value < min || value > max || decimal.Round(value, decimals) != value
            ? throw new DomainException(code + "OutOfRange", min, max)
            : value;
}
