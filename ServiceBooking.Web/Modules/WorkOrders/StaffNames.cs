using ServiceBooking.Domain.Accounts;

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
}
