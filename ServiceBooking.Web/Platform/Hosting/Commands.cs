using Microsoft.EntityFrameworkCore;
using ServiceBooking.Web.Platform.Audit;
using ServiceBooking.Web.Platform.Data;

namespace ServiceBooking.Web.Platform.Hosting;

/// <summary>
/// Operations run instead of the site: <c>migrate</c> applies pending migrations;
/// <c>create-admin --nickname N --email E [--first-name F] [--last-name L] [--promote]</c> creates an Admin (or, with
/// <c>--promote</c> and that account's own password, makes an existing account one),
/// reading the password from the environment variable <c>ADMIN_PASSWORD</c> or, when it is unset, from the terminal;
/// <c>run-job reminders|maintenance|campaigns|outbox</c> runs a scheduled job once now and says what it did.
/// A module serves its own commands (<see cref="ModuleCommand"/>: create-admin is the Accounts module's) and jobs
/// (<see cref="NamedJob"/>).
/// </summary>
public sealed record ModuleCommand(string Name, Func<IServiceProvider, string[], Task<int>> RunAsync);

public static class Commands
{
    /// <summary>Known before the host is built, so their arguments are not read as configuration; modules serve the rest.</summary>
    public static readonly IReadOnlyList<string> Names = ["migrate", "create-admin", "run-job", "pickup-answer-links"];

    /// <summary>Splits "command options..." from the arguments meant for the host's configuration.</summary>
    public static (string? Command, string[] Options, string[] HostArgs) Split(string[] args) =>
        args.Length > 0 && Names.Contains(args[0]) ? (args[0], args[1..], []) : (null, [], args);

    public static async Task<int> RunAsync(WebApplication app, string command, string[] options)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        // What a command changes is the command's in the audit trail; run-job acts as the job it runs.
        using var actor = AuditActor.Use(command == "run-job" ? AuditActor.Job(options.FirstOrDefault() ?? command) : AuditActor.Command(command));
        switch (command)
        {
            case "migrate":
                await provider.GetRequiredService<ApplicationDbContext>().Database.MigrateAsync();
                Console.WriteLine("Database is up to date.");
                return 0;
            case "run-job":
                return await RunJobAsync(provider, options.FirstOrDefault());
            default:
                if (provider.GetServices<ModuleCommand>().FirstOrDefault(c => c.Name == command) is { } module)
                {
                    return await module.RunAsync(provider, options);
                }

                Console.Error.WriteLine($"Unknown command '{command}'.");
                return 2;
        }
    }

    private static async Task<int> RunJobAsync(IServiceProvider provider, string? name)
    {
        var jobs = provider.GetServices<NamedJob>().ToList();
        if (jobs.FirstOrDefault(j => j.Name == name) is not { } job)
        {
            Console.Error.WriteLine($"usage: run-job {string.Join('|', jobs.Select(j => j.Name))}");
            return 2;
        }

        var timer = System.Diagnostics.Stopwatch.StartNew();
        var done = await job.RunOnceAsync(provider, CancellationToken.None);
        Console.WriteLine($"{name}: {done} in {timer.ElapsedMilliseconds} ms");
        return 0;
    }
}
