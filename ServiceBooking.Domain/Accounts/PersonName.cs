using ServiceBooking.Domain.Common;

namespace ServiceBooking.Domain.Accounts;

/// <summary>
/// A person's name as Russian documents have it: last name, first name and an optional patronymic.
/// Each part is 1 to 64 letters; a hyphen, apostrophe or space may join letters (Салтыков-Щедрин, д'Артаньян).
/// </summary>
public sealed record PersonName
{
    public const int MaxPartLength = 64;

    private PersonName(string lastName, string firstName, string? patronymic)
    {
        LastName = lastName;
        FirstName = firstName;
        Patronymic = patronymic;
    }

    public string LastName { get; }

    public string FirstName { get; }

    public string? Patronymic { get; }

    /// <summary>"Иванов Иван Иванович", the order used on Russian documents and forms.</summary>
    public string FullName => Patronymic is null ? $"{LastName} {FirstName}" : $"{LastName} {FirstName} {Patronymic}";

    /// <summary>"Иван Иванович" (or "Иван"), the polite form of address used in letters.</summary>
    public string Salutation => Patronymic is null ? FirstName : $"{FirstName} {Patronymic}";

    public static PersonName Create(string? lastName, string? firstName, string? patronymic)
    {
        var last = NamePart(lastName, "LastName") ?? throw new DomainException("PersonName.LastNameRequired");
        var first = NamePart(firstName, "FirstName") ?? throw new DomainException("PersonName.FirstNameRequired");
        var middle = NamePart(patronymic, "Patronymic");
        return new PersonName(last, first, middle);
    }

    /// <summary>Validates one part; returns null for an empty part, throws when it is malformed.</summary>
    public static string? NamePart(string? input, string part)
    {
        // Composed form first: "Й" typed as "И" + combining breve is one letter.
        var value = string.Join(' ', (input ?? string.Empty).Normalize(System.Text.NormalizationForm.FormC).Split(' ', StringSplitOptions.RemoveEmptyEntries));
        if (value.Length == 0)
        {
            return null;
        }

        if (value.Length > MaxPartLength)
        {
            throw new DomainException($"PersonName.{part}TooLong", MaxPartLength);
        }

        var previousWasLetter = false;
        foreach (var c in value)
        {
            if (char.IsLetter(c))
            {
                previousWasLetter = true;
                continue;
            }

            if (c is '-' or '\'' or ' ' && previousWasLetter)
            {
                previousWasLetter = false;
                continue;
            }

            throw new DomainException($"PersonName.{part}Invalid");
        }

        if (!previousWasLetter)
        {
            throw new DomainException($"PersonName.{part}Invalid");
        }

        return value;
    }
}
