using ServiceBooking.Domain.Common;

namespace ServiceBooking.Domain.Garage;

/// <summary>
/// The number of a vehicle registration certificate (СТС), <c>77 УА 123456</c>: two digits (the region), a series of
/// two Cyrillic letters or two digits, and six digits. Latin look-alike letters are stored in Cyrillic.
/// </summary>
public sealed record RegistrationCertificateNumber
{
    private RegistrationCertificateNumber(string value) => Value = value;

    /// <summary>Compact form: "77УА123456".</summary>
    public string Value { get; }

    /// <summary>As printed: "77 УА 123456".</summary>
    public string Display => $"{Value[..2]} {Value[2..4]} {Value[4..]}";

    public static RegistrationCertificateNumber Parse(string? input)
    {
        var value = new string([.. Lookalikes.Compact(input).Select(Lookalikes.ToCyrillic)]);
        if (value.Length == 0)
        {
            throw new DomainException("Certificate.Required");
        }

        if (value.Length != 10
            || !value[..2].All(char.IsAsciiDigit)
            || !(value[2..4].All(char.IsAsciiDigit) || value[2..4].All(IsCyrillicCapital))
            || !value[4..].All(char.IsAsciiDigit))
        {
            throw new DomainException("Certificate.InvalidFormat");
        }

        return new RegistrationCertificateNumber(value);
    }

    public override string ToString() => Value;

    private static bool IsCyrillicCapital(char c) => c is >= 'А' and <= 'Я' or 'Ё';
}
