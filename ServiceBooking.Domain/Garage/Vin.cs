using ServiceBooking.Domain.Common;

namespace ServiceBooking.Domain.Garage;

/// <summary>
/// Vehicle identification number: 17 Latin letters and digits, never I, O or Q (they would be confused with 1 and 0).
/// Typed in any case, with spaces, or with Cyrillic look-alike letters: it is normalised to upper-case Latin.
/// </summary>
public sealed record Vin
{
    public const int Length = 17;

    private Vin(string value) => Value = value;

    public string Value { get; }

    public static Vin Parse(string? input)
    {
        var value = new string([.. Lookalikes.Compact(input).Select(Lookalikes.ToLatin)]);
        if (value.Length == 0)
        {
            throw new DomainException("Vin.Required");
        }

        foreach (var c in value)
        {
            if (c is 'I' or 'O' or 'Q')
            {
                throw new DomainException("Vin.ForbiddenLetter", c.ToString());
            }

            if (!char.IsAsciiLetterUpper(c) && !char.IsAsciiDigit(c))
            {
                throw new DomainException("Vin.InvalidCharacter", c.ToString());
            }
        }

        if (value.Length != Length)
        {
            throw new DomainException("Vin.WrongLength", Length, value.Length);
        }

        return new Vin(value);
    }

    public override string ToString() => Value;
}
