using ServiceBooking.Domain.Common;

namespace ServiceBooking.Domain.Accounts;

/// <summary>
/// An email address a message can really be delivered to: one '@', a non-empty local part, a domain with a dot
/// and a top-level part of two or more letters, no spaces, at most 254 characters. Stricter than the framework's
/// <c>[EmailAddress]</c>, which accepts "a@b".
/// </summary>
public sealed record EmailAddress
{
    public const int MaxLength = 254;

    private EmailAddress(string value) => Value = value;

    public string Value { get; }

    public static EmailAddress Parse(string? input)
    {
        var value = (input ?? string.Empty).Trim();
        if (value.Length == 0)
        {
            throw new DomainException("Email.Required");
        }

        if (value.Length > MaxLength)
        {
            throw new DomainException("Email.TooLong", MaxLength);
        }

        var at = value.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at != value.LastIndexOf('@') || value.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            throw new DomainException("Email.Invalid");
        }

        var local = value[..at];
        var domain = value[(at + 1)..];
        if (local.Length > 64 || local.StartsWith('.') || local.EndsWith('.') || local.Contains("..", StringComparison.Ordinal))
        {
            throw new DomainException("Email.Invalid");
        }

        var labels = domain.Split('.');
        if (labels.Length < 2 || labels.Any(l => l.Length == 0 || l.Length > 63 || l.StartsWith('-') || l.EndsWith('-')
                || !l.All(c => char.IsLetterOrDigit(c) || c == '-'))
            || labels[^1].Length < 2 || !labels[^1].All(char.IsLetter))
        {
            throw new DomainException("Email.Invalid");
        }

        return new EmailAddress(value);
    }

    /// <summary>
    /// The address as a page may show it to whoever holds a link: "i***v@mail.ru" (the first and last letters of the
    /// local part, the domain whole), so a forwarded or leaked link does not reveal the whole address.
    /// </summary>
    public static string Mask(string address)
    {
        var at = address.LastIndexOf('@');
        if (at <= 0)
        {
            return "***";
        }

        var local = address[..at];
        var shown = local.Length <= 2 ? local[..1] + "***" : $"{local[0]}***{local[^1]}";
        return shown + address[at..];
    }

    public override string ToString() => Value;
}
