using ServiceBooking.Domain.Common;

namespace ServiceBooking.Domain.Garage;

/// <summary>
/// A Russian state plate of a private car: letter, three digits, two letters, region of two or three digits
/// (<c>А123ВС77</c>, <c>А123ВС777</c>). Only the twelve letters used on plates (А В Е К М Н О Р С Т У Х) are allowed;
/// their Latin look-alikes are accepted and stored in Cyrillic. Number 000 and region 00 do not exist.
/// </summary>
public sealed record PlateNumber
{
    private PlateNumber(string value) => Value = value;

    /// <summary>Compact form: "А123ВС77".</summary>
    public string Value { get; }

    /// <summary>As written on the plate: "А 123 ВС 77".</summary>
    public string Display => $"{Value[0]} {Value[1..4]} {Value[4..6]} {Value[6..]}";

    public static PlateNumber Parse(string? input)
    {
        var value = new string([.. Lookalikes.Compact(input).Select(Lookalikes.ToCyrillic)]);
        if (value.Length == 0)
        {
            throw new DomainException("Plate.Required");
        }

        if (value.Length is not (8 or 9)
            || !Lookalikes.IsPlateLetter(value[0])
            || !value[1..4].All(char.IsAsciiDigit)
            || !Lookalikes.IsPlateLetter(value[4]) || !Lookalikes.IsPlateLetter(value[5])
            || !value[6..].All(char.IsAsciiDigit))
        {
            throw new DomainException(value.Any(c => char.IsLetter(c) && !Lookalikes.IsPlateLetter(c))
                ? "Plate.InvalidLetter"
                : "Plate.InvalidFormat");
        }

        // Number 000 and region 00 do not exist; a three-digit region starts with 1 to 9 (102, 777, not 077).
        if (value[1..4] == "000" || value[6..].All(c => c == '0') || (value.Length == 9 && value[6] == '0'))
        {
            throw new DomainException("Plate.InvalidFormat");
        }

        return new PlateNumber(value);
    }

    public override string ToString() => Value;
}
