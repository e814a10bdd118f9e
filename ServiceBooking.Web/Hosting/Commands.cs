using Microsoft.EntityFrameworkCore;
using ServiceBooking.Web.Accounts;
using ServiceBooking.Web.Data;

namespace ServiceBooking.Web.Hosting;

/// <summary>
/// Operations run instead of the site: <c>migrate</c> applies pending migrations;
/// <c>create-admin --nickname N --email E [--first-name F] [--last-name L] [--promote]</c> creates an Admin (or, with
/// <c>--promote</c> and that account's own password, makes an existing account one),
/// reading the password from the environment variable <c>ADMIN_PASSWORD</c> or, when it is unset, from the terminal;
/// <c>run-job reminders|maintenance|campaigns|outbox</c> runs a scheduled job once now and says what it did.
/// </summary>
public static class Commands
{
    public static readonly IReadOnlyList<string> Names = ["migrate", "create-admin", "run-job"];

    /// <summary>Splits "command options..." from the arguments meant for the host's configuration.</summary>
    public static (string? Command, string[] Options, string[] HostArgs) Split(string[] args) =>
        args.Length > 0 && Names.Contains(args[0]) ? (args[0], args[1..], []) : (null, [], args);

    public static async Task<int> RunAsync(WebApplication app, string command, string[] options)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        switch (command)
        {
            case "migrate":
                await provider.GetRequiredService<ApplicationDbContext>().Database.MigrateAsync();
                Console.WriteLine("Database is up to date.");
                return 0;
            case "create-admin":
                return await CreateAdminAsync(provider.GetRequiredService<AdminBootstrapper>(), options);
            case "run-job":
                return await RunJobAsync(provider, options.FirstOrDefault());
            default:
                Console.Error.WriteLine($"Unknown command '{command}'.");
                return 2;
        }
    }

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

    private static async Task<int> RunJobAsync(IServiceProvider provider, string? job)
    {
        var timer = System.Diagnostics.Stopwatch.StartNew();
        int? done = job switch
        {
            "reminders" => await provider.GetRequiredService<Bookings.ReminderJob>().QueueDayBeforeAsync(CancellationToken.None),
            "maintenance" => await provider.GetRequiredService<Bookings.MaintenanceJob>().QueueDueAsync(CancellationToken.None),
            "campaigns" => await CampaignsAsync(provider.GetRequiredService<Campaigns.CampaignJob>()),
            "outbox" => await OutboxAsync(provider.GetRequiredService<Email.Outbox.OutboxDispatcher>()),
            _ => null,
        };
        if (done is null)
        {
            Console.Error.WriteLine("usage: run-job reminders|maintenance|campaigns|outbox");
            return 2;
        }

        Console.WriteLine($"{job}: {done} in {timer.ElapsedMilliseconds} ms");
        return 0;
    }

    private static async Task<int> CampaignsAsync(Campaigns.CampaignJob job)
    {
        var campaigns = 0;
        while (await job.EnqueueNextAsync(CancellationToken.None) is not null)
        {
            campaigns++;
        }

        return campaigns;
    }

    private static async Task<int> OutboxAsync(Email.Outbox.OutboxDispatcher dispatcher)
    {
        var total = 0;
        for (int claimed; (claimed = await dispatcher.DispatchBatchAsync(CancellationToken.None)) > 0;)
        {
            total += claimed;
        }

        return total;
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
