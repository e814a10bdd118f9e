using ServiceBooking.Web.Platform.Hosting;

namespace ServiceBooking.Web.Modules.Accounts;

/// <summary>
/// <c>create-admin --nickname N --email E [--first-name F] [--last-name L] [--promote]</c>: creates an Admin (or, with
/// <c>--promote</c> and that account's own password, makes an existing account one), reading the password from the
/// environment variable <c>ADMIN_PASSWORD</c> or, when it is unset, from the terminal.
/// </summary>
public static class CreateAdminCommand
{
    public static readonly ModuleCommand Command = new("create-admin",
        (provider, options) => CreateAdminAsync(provider.GetRequiredService<AdminBootstrapper>(), options));

    private static async Task<int> CreateAdminAsync(AdminBootstrapper bootstrapper, string[] options)
    {
        var values = ParseOptions(options);
        if (!values.TryGetValue("nickname", out var nickname) || !values.TryGetValue("email", out var email))
        {
            Console.Error.WriteLine("usage: create-admin --nickname NAME --email ADDRESS [--first-name F] [--last-name L] [--promote]");
            Console.Error.WriteLine("The password is read from ADMIN_PASSWORD or, when that is unset, from the terminal.");
            return 2;
        }

        var password = Environment.GetEnvironmentVariable("ADMIN_PASSWORD") ?? ReadPassword();
        var account = new AdminAccount { Nickname = nickname, Email = email, Password = password };
        if (values.TryGetValue("first-name", out var first))
        {
            account.FirstName = first;
        }

        if (values.TryGetValue("last-name", out var last))
        {
            account.LastName = last;
        }

        var result = await bootstrapper.EnsureAdminAsync(account, promote: values.ContainsKey("promote"));
        foreach (var error in result.Errors)
        {
            Console.Error.WriteLine(error.Description);
        }

        Console.WriteLine(result.Succeeded ? $"{nickname} is an Admin." : "No Admin was created.");
        return result.Succeeded ? 0 : 1;
    }

    /// <summary>"--name value" pairs; a flag followed by another option or by nothing ("--promote") has an empty value.</summary>
    private static Dictionary<string, string> ParseOptions(string[] options)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < options.Length; i++)
        {
            var name = options[i].TrimStart('-');
            var hasValue = i + 1 < options.Length && !options[i + 1].StartsWith("--", StringComparison.Ordinal);
            values[name] = hasValue ? options[++i] : string.Empty;
        }

        return values;
    }

    private static string ReadPassword()
    {
        Console.Write("Password: ");
        if (Console.IsInputRedirected)
        {
            return Console.ReadLine() ?? string.Empty;
        }

        var password = new System.Text.StringBuilder();
        for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(intercept: true))
        {
            if (key.Key == ConsoleKey.Backspace && password.Length > 0)
            {
                password.Length--;
            }
            else if (!char.IsControl(key.KeyChar))
            {
                password.Append(key.KeyChar);
            }
        }

        Console.WriteLine();
        return password.ToString();
    }
}
