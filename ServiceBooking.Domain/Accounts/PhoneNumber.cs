using ServiceBooking.Domain.Common;

namespace ServiceBooking.Domain.Accounts;

/// <summary>
/// A phone number kept in international form (+79001234567) so that it can be searched.
/// Russian habits are understood: "8 (900) 123-45-67", "+7 900 123 45 67" and "9001234567" all mean +79001234567.
/// Other countries are accepted with their "+" code (8 to 15 digits).
/// </summary>
public sealed record PhoneNumber
{
    private PhoneNumber(string value) => Value = value;

    /// <summary>E.164: "+" and digits.</summary>
    public string Value { get; }

    public static PhoneNumber Parse(string? input)
    {
        var raw = (input ?? string.Empty).Trim();
        if (raw.Length == 0)
        {
            throw new DomainException("Phone.Required");
        }

        if (raw.Any(c => !char.IsAsciiDigit(c) && c is not (' ' or '-' or '(' or ')' or '+' or '.')) || raw.LastIndexOf('+') > 0)
        {
            throw new DomainException("Phone.Invalid");
        }

        var digits = new string([.. raw.Where(char.IsAsciiDigit)]);
        var international = raw.StartsWith('+');
        var value = (international, digits.Length) switch
        {
            (false, 11) when digits[0] is '7' or '8' => "+7" + digits[1..],
            (false, 10) when digits[0] == '9' => "+7" + digits,
            (true, >= 8 and <= 15) => "+" + digits,
            _ => throw new DomainException("Phone.Invalid"),
        };
        if (value.StartsWith("+7", StringComparison.Ordinal) && value.Length != 12)
        {
            throw new DomainException("Phone.Invalid");
        }

        return new PhoneNumber(value);
    }

    /// <summary>"+7 900 123-45-67" for Russian numbers, the international form otherwise.</summary>
    public string Display => Value.StartsWith("+7", StringComparison.Ordinal) && Value.Length == 12
        ? $"+7 {Value[2..5]} {Value[5..8]}-{Value[8..10]}-{Value[10..12]}"
        : Value;

    public override string ToString() => Value;
}
