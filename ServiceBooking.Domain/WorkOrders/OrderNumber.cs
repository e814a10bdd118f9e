using System.Globalization;
using ServiceBooking.Domain.Common;

namespace ServiceBooking.Domain.WorkOrders;

/// <summary>A readable order number: the year and a sequence within it, "2026-00042".</summary>
public readonly record struct OrderNumber(int Year, int Sequence)
{
    public static OrderNumber Create(int year, int sequence) =>
        year is < 2000 or > 2999 || sequence < 1 || sequence > 99_999
            ? throw new DomainException("OrderNumber.Invalid")
            : new OrderNumber(year, sequence);

    /// <summary>"2026-00042" (also "2026-42", spaces around allowed); null when it is not an order number.</summary>
    public static OrderNumber? TryParse(string? text)
    {
        var parts = (text ?? string.Empty).Trim().Split('-');
        return parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)
            && year is >= 2000 and <= 2999 && sequence is >= 1 and <= 99_999
                ? new OrderNumber(year, sequence)
                : null;
    }

    public override string ToString() => $"{Year}-{Sequence:D5}";
}
