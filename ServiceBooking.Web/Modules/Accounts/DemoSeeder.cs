using Microsoft.AspNetCore.Identity;
using ServiceBooking.Web.Platform.Data;

namespace ServiceBooking.Web.Modules.Accounts;

/// <summary>
/// Demo data for <c>./run.sh</c> (configuration <c>Demo:Seed=true</c>). Idempotent: what exists is left alone.
/// The demo password comes from configuration (<c>Demo:Password</c>); run.sh makes one up on the first run.
/// </summary>
public sealed partial class DemoSeeder(UserManager<ApplicationUser> users, ILogger<DemoSeeder> log)
{
    public static readonly IReadOnlyList<DemoAccount> Accounts =
    [
        new("admin", "admin@servicebooking.local", "Сергей", "Орлов", "Викторович", Roles.Admin),
        new("manager", "manager@servicebooking.local", "Анна", "Смирнова", "Павловна", Roles.Manager),
        new("client", "client@servicebooking.local", "Иван", "Петров", "Сергеевич", Roles.Client),
        new("supervisor", "supervisor@servicebooking.local", "Светлана", "Кузьмина", "Андреевна", Roles.Supervisor),
        new("operator", "operator@servicebooking.local", "Ольга", "Васильева", "Игоревна", Roles.Operator),
        new("mechanic", "mechanic@servicebooking.local", "Михаил", "Соколов", "Петрович", Roles.Mechanic),
        new("shop", "shop@servicebooking.local", "Геннадий", "Лебедев", "Олегович", Roles.ShopMechanic),
        new("driver", "driver@servicebooking.local", "Дмитрий", "Волков", "Игоревич", Roles.Driver),
    ];

    public async Task SeedAsync(string password)
    {
        foreach (var account in Accounts)
        {
            await EnsureAsync(account, password);
        }
    }

    private async Task EnsureAsync(DemoAccount account, string password)
    {
        var user = await users.FindByNameAsync(account.Nickname);
        if (user is null)
        {
            user = new ApplicationUser
            {
                UserName = account.Nickname,
                Email = account.Email,
                EmailConfirmed = true,
                FirstName = account.FirstName,
                LastName = account.LastName,
                Patronymic = account.Patronymic,
                // E.164, as the profile stores phones.
                PhoneNumber = "+7900000000" + (Accounts.ToList().IndexOf(account) + 1),
            };
            var created = await users.CreateAsync(user, password);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException(
                    $"Demo account {account.Nickname}: " + string.Join(" ", created.Errors.Select(e => e.Description)));
            }

            LogCreated(log, account.Nickname);
        }

        foreach (var role in new[] { Roles.Client, account.Role }.Distinct())
        {
            if (!await users.IsInRoleAsync(user, role))
            {
                await users.AddToRoleAsync(user, role);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Created demo account {Nickname}")]
    private static partial void LogCreated(ILogger logger, string nickname);
}

public sealed record DemoAccount(string Nickname, string Email, string FirstName, string LastName, string Patronymic, string Role);
