using System.Globalization;
using ServiceBooking.Domain.Common;

namespace ServiceBooking.Domain.Accounts;

/// <summary>
/// The login name chosen at registration. Letters (any alphabet), digits, dot, underscore and hyphen,
/// 3 to 32 characters, starting with a letter or digit. It never contains '@', so a sign-in name is a
/// nickname or an email without ambiguity.
/// </summary>
public sealed record Nickname
{
    public const int MinLength = 3;
    public const int MaxLength = 32;

    private Nickname(string value) => Value = value;

    public string Value { get; }

    public static Nickname Parse(string? input)
    {
        var value = (input ?? string.Empty).Trim().Normalize(System.Text.NormalizationForm.FormC);
        if (value.Length == 0)
        {
            throw new DomainException("Nickname.Required");
        }

        if (value.Length < MinLength)
        {
            throw new DomainException("Nickname.TooShort", MinLength);
        }

        if (value.Length > MaxLength)
        {
            throw new DomainException("Nickname.TooLong", MaxLength);
        }

        if (!char.IsLetterOrDigit(value[0]))
        {
            throw new DomainException("Nickname.MustStartWithLetterOrDigit");
        }

        foreach (var c in value)
        {
            if (!IsAllowed(c))
            {
                throw new DomainException("Nickname.InvalidCharacter", c.ToString(CultureInfo.InvariantCulture));
            }
        }

        return new Nickname(value);
    }

    public override string ToString() => Value;

    private static bool IsAllowed(char c) => char.IsLetterOrDigit(c) || c is '.' or '_' or '-';
}
