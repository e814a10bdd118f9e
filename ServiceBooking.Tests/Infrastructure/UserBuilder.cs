using ServiceBooking.Web.Platform.Data;

namespace ServiceBooking.Tests.Infrastructure;

/// <summary>Test accounts: <c>new UserBuilder("ivan").WithPassword("…").Unconfirmed().InRole(Roles.Manager)</c>.</summary>
public sealed class UserBuilder(string nickname)
{
    public const string DefaultPassword = "secret-pass1";

    private readonly List<string> _roles = [Web.Platform.Data.Roles.Client];
    private bool _confirmed = true;
    private string _email = $"{nickname}@example.ru";
    private string _culture = "ru-RU";
    private (string Last, string First, string? Patronymic) _name = ("Петров", "Иван", "Сергеевич");
    private string? _phone;

    public string Nickname => nickname;

    public string Password { get; private set; } = DefaultPassword;

    public IReadOnlyList<string> Roles => _roles;

    public UserBuilder WithPassword(string password)
    {
        Password = password;
        return this;
    }

    public UserBuilder WithEmail(string email)
    {
        _email = email;
        return this;
    }

    public UserBuilder WithName(string last, string first, string? patronymic = null)
    {
        _name = (last, first, patronymic);
        return this;
    }

    public UserBuilder WithPhone(string phone)
    {
        _phone = phone;
        return this;
    }

    public UserBuilder WithCulture(string culture)
    {
        _culture = culture;
        return this;
    }

    public UserBuilder Unconfirmed()
    {
        _confirmed = false;
        return this;
    }

    public UserBuilder InRole(string role)
    {
        _roles.Add(role);
        return this;
    }

    public ApplicationUser Build() => new()
    {
        UserName = nickname,
        Email = _email,
        EmailConfirmed = _confirmed,
        LastName = _name.Last,
        FirstName = _name.First,
        Patronymic = _name.Patronymic,
        PhoneNumber = _phone,
        PreferredCulture = _culture,
    };
}
