using Microsoft.AspNetCore.Identity;
using ServiceBooking.Web.Platform.Data;

namespace ServiceBooking.Web.Modules.Accounts;

/// <summary>
/// Creates the first Admin from configuration (section <c>Admin</c>) or from the <c>create-admin</c> command.
/// The password never lives in the code: it comes from configuration, an environment variable or the terminal.
/// </summary>
public sealed partial class AdminBootstrapper(UserManager<ApplicationUser> users, ILogger<AdminBootstrapper> log)
{
    /// <summary>
    /// Creates the account (with a confirmed email). An existing account is made an Admin only when
    /// <paramref name="promote"/> is given and <see cref="AdminAccount.Password"/> is that account's password, so the
    /// command cannot hand someone else's account Admin rights by naming it.
    /// </summary>
    public async Task<IdentityResult> EnsureAdminAsync(AdminAccount account, bool promote = false)
    {
        var user = await users.FindByNameAsync(account.Nickname) ?? await users.FindByEmailAsync(account.Email);
        if (user is null)
        {
            user = new ApplicationUser
            {
                UserName = account.Nickname,
                Email = account.Email,
                EmailConfirmed = true,
                FirstName = account.FirstName,
                LastName = account.LastName,
            };
            var created = await users.CreateAsync(user, account.Password);
            if (!created.Succeeded)
            {
                return created;
            }

            await users.AddToRoleAsync(user, Roles.Client);
            LogCreated(log, account.Nickname);
        }
        else if (!promote)
        {
            return IdentityResult.Failed(new IdentityError
            {
                Code = "AccountExists",
                Description = $"An account '{user.UserName}' ({user.Email}) already exists. To make it an Admin, run again with --promote and that account's password.",
            });
        }
        else if (!await users.CheckPasswordAsync(user, account.Password))
        {
            return IdentityResult.Failed(new IdentityError
            {
                Code = "PasswordMismatch",
                Description = $"The password is not the password of '{user.UserName}': it was not made an Admin.",
            });
        }

        if (await users.IsInRoleAsync(user, Roles.Admin))
        {
            return IdentityResult.Success;
        }

        var promoted = await users.AddToRoleAsync(user, Roles.Admin);
        if (promoted.Succeeded)
        {
            LogPromoted(log, user.UserName!);
        }

        return promoted;
    }

    /// <summary>At start-up: when section <c>Admin</c> names an account and no Admin exists yet, create it.</summary>
    public async Task BootstrapFromConfigurationAsync(IConfiguration configuration)
    {
        var account = configuration.GetSection("Admin").Get<AdminAccount>();
        if (account is null || string.IsNullOrWhiteSpace(account.Nickname) || string.IsNullOrWhiteSpace(account.Email)
            || string.IsNullOrEmpty(account.Password))
        {
            return;
        }

        if ((await users.GetUsersInRoleAsync(Roles.Admin)).Count > 0)
        {
            return;
        }

        // An existing account of that name becomes the Admin only when the configured password is its own.
        var result = await EnsureAdminAsync(account, promote: true);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                "The Admin account from configuration could not be created: " + string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Created the Admin account {Nickname}")]
    private static partial void LogCreated(ILogger logger, string nickname);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Made the existing account {Nickname} an Admin")]
    private static partial void LogPromoted(ILogger logger, string nickname);
}

public sealed class AdminAccount
{
    public string Nickname { get; set; } = string.Empty;

    public string Email { get; set; } = string.Empty;

    public string Password { get; set; } = string.Empty;

    public string FirstName { get; set; } = "Администратор";

    public string LastName { get; set; } = "Сервиса";
}
