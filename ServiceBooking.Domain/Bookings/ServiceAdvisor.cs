using ServiceBooking.Domain.Accounts;
using ServiceBooking.Domain.Common;

namespace ServiceBooking.Domain.Bookings;

/// <summary>A service advisor (приёмщик): a column of the booking grid while active.</summary>
public sealed class ServiceAdvisor : Entity, IActivatable
{
    private ServiceAdvisor()
    {
    }

    public ServiceAdvisor(PersonName name)
    {
        Rename(name);
        IsActive = true;
    }

    public string LastName { get; private set; } = string.Empty;

    public string FirstName { get; private set; } = string.Empty;

    public string? Patronymic { get; private set; }

    public bool IsActive { get; private set; }

    public PersonName Name => PersonName.Create(LastName, FirstName, Patronymic);

    public void Rename(PersonName name) => (LastName, FirstName, Patronymic) = (name.LastName, name.FirstName, name.Patronymic);

    public void Deactivate() => IsActive = false;

    public void Activate() => IsActive = true;
}
