using Microsoft.EntityFrameworkCore;
using ServiceBooking.Domain.Accounts;
using ServiceBooking.Domain.Common;
using ServiceBooking.Domain.Garage;
using ServiceBooking.Web.Platform.Data;

namespace ServiceBooking.Web.Modules.Accounts;

/// <summary>
/// Finding people (the Admin's users page, the manager's desk): case-insensitive (PostgreSQL ILIKE), phone numbers
/// understood in any habit, plates in either alphabet.
/// </summary>
public static class UserSearch
{
    private const string Escape = "\\";

    /// <summary>
    /// Every word must appear in the nickname, email, last or first name, phone, or the plate of one of the person's
    /// cars; a query that reads as a phone number ("8 900 123-45-67") also finds the number stored in international
    /// form (+79001234567).
    /// </summary>
    public static IQueryable<ApplicationUser> Filter(IQueryable<ApplicationUser> users, IQueryable<Car> cars, string? query)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            return users;
        }

        var byWords = users;
        foreach (var part in query.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var word = Like(part);
            // "123-45-67" is part of a phone stored as +79001234567: compare the digits alone.
            var digits = part.All(c => char.IsAsciiDigit(c) || c is '-' or '(' or ')' or '+' or '.') && part.Count(char.IsAsciiDigit) >= 3
                ? "%" + new string([.. part.Where(char.IsAsciiDigit)]) + "%"
                : word;
            // Plates are stored compact and in Cyrillic ("А123ВС77"): "a123" typed on a Latin keyboard finds it.
            var plate = Like(new string([.. Lookalikes.Compact(part).Select(Lookalikes.ToCyrillic)]));
            byWords = byWords.Where(u =>
                EF.Functions.ILike(u.UserName!, word, Escape) || EF.Functions.ILike(u.Email!, word, Escape)
                || EF.Functions.ILike(u.LastName, word, Escape) || EF.Functions.ILike(u.FirstName, word, Escape)
                || EF.Functions.ILike(u.PhoneNumber!, digits, Escape)
                || cars.Any(c => c.OwnerId == u.Id && c.IsActive && EF.Functions.ILike((string)(object)c.Plate, plate, Escape)));
        }

        return PhoneOrNull(query) is { } phone ? byWords.Union(users.Where(u => u.PhoneNumber == phone)) : byWords;
    }

    /// <summary>"%word%" with the LIKE wildcards the admin typed taken literally.</summary>
    private static string Like(string word) =>
        "%" + word.Replace(Escape, Escape + Escape, StringComparison.Ordinal)
            .Replace("%", Escape + "%", StringComparison.Ordinal)
            .Replace("_", Escape + "_", StringComparison.Ordinal) + "%";

    private static string? PhoneOrNull(string query)
    {
        try
        {
            return PhoneNumber.Parse(query).Value;
        }
        catch (DomainException)
        {
            return null;
        }
    }
}
