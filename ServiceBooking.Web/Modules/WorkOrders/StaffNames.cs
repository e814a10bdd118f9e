using ServiceBooking.Domain.Accounts;
using ServiceBooking.Web.Platform.Data;

namespace ServiceBooking.Web.Modules.WorkOrders;

/// <summary>People's names as the work orders' pages show them.</summary>
public static class StaffNames
{
    /// <summary>"Петров Иван Сергеевич"; a stored name the Domain no longer reads is joined as it is.</summary>
    public static string Full(string lastName, string firstName, string? patronymic)
    {
        try
        {
            return PersonName.Create(lastName, firstName, patronymic).FullName;
        }
        catch (Domain.Common.DomainException)
        {
            return string.Join(' ', new[] { lastName, firstName, patronymic }.Where(p => !string.IsNullOrWhiteSpace(p)));
        }
    }

    /// <summary>The full names of these accounts, by id, in one round trip (only the name columns are read).</summary>
    public static async Task<IReadOnlyDictionary<string, string>> OfAsync(ApplicationDbContext db, IEnumerable<string> ids, CancellationToken cancellationToken)
    {
        var names = new Dictionary<string, string>();
        await foreach (var row in OrderPageQueries.Names(db, [.. ids.Distinct()]).WithCancellation(cancellationToken))
        {
            names[row.Id] = Full(row.LastName, row.FirstName, row.Patronymic);
        }

        return names;
    }
}
