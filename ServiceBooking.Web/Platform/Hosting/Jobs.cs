using Coravel;
using Coravel.Invocable;
using Coravel.Scheduling.Schedule.Interfaces;
using ServiceBooking.Web.Platform.Audit;
using ServiceBooking.Web.Platform.Notifications;

namespace ServiceBooking.Web.Platform.Hosting;

/// <summary>Configuration section <c>Jobs</c>: which scheduled jobs this instance runs, and how often.</summary>
public sealed class JobsOptions
{
    public const string Section = "Jobs";

    /// <summary>Deliver the outbox (every <see cref="OutboxSeconds"/>).</summary>
    public bool Outbox { get; set; } = true;

    public int OutboxSeconds { get; set; } = 5;

    /// <summary>Queue the day-before reminders, the yearly maintenance reminders and the campaigns' emails.</summary>
    public bool Reminders { get; set; } = true;

    public bool Campaigns { get; set; } = true;

    /// <summary>The pick-ups' sweep: waiting requests given to free drivers a dispatch left behind.</summary>
    public bool Pickups { get; set; } = true;

    /// <summary>The daily report: made once a day for the day before.</summary>
    public bool Reports { get; set; } = true;
}

/// <summary>A module's scheduled work: given the scheduler and this instance's <see cref="JobsOptions"/>.</summary>
public sealed record ModuleSchedule(Action<IScheduler, JobsOptions> Schedule);

/// <summary>
/// A job the scheduler (Coravel) runs. It acts as itself in the audit trail (<see cref="AuditActor.Job"/>), under the
/// name its <c>run-job</c> command has, so a change a job makes says which job made it however the job was started.
/// </summary>
public abstract class ScheduledJob(string name) : IInvocable, ICancellableInvocable
{
    public CancellationToken CancellationToken { get; set; }

    public async Task Invoke()
    {
        using (AuditActor.Use(AuditActor.Job(name)))
        {
            await RunAsync(CancellationToken);
        }
    }

    protected abstract Task RunAsync(CancellationToken cancellationToken);
}

/// <summary>A job the <c>run-job NAME</c> command can run once (as the job <c>NAME</c>); it returns how many things it did.</summary>
public sealed record NamedJob(string Name, Func<IServiceProvider, CancellationToken, Task<int>> RunOnceAsync);

/// <summary>
/// The scheduled work, on Coravel: the outbox here, each module's own through <see cref="ModuleSchedule"/>. Every job is
/// safe to run twice and on several instances at once (claims and unique keys in the database); overlapping runs in one
/// instance are prevented as well.
/// </summary>
public static class Jobs
{
    public static void AddJobs(this IServiceCollection services)
    {
        services.AddOptions<JobsOptions>().BindConfiguration(JobsOptions.Section);
        services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScheduler();
        services.AddScoped<OutboxWriter>();
        services.AddScoped<OutboxQueue>();
        services.AddTransient<OutboxDispatcher>();
        services.AddSingleton(new NamedJob(OutboxDispatcher.Name, async (provider, cancellationToken) =>
        {
            var dispatcher = provider.GetRequiredService<OutboxDispatcher>();
            var total = 0;
            for (int claimed; (claimed = await dispatcher.DispatchBatchAsync(cancellationToken)) > 0;)
            {
                total += claimed;
            }

            return total;
        }));
    }

    public static void UseJobs(this WebApplication app)
    {
        var jobs = app.Configuration.GetSection(JobsOptions.Section).Get<JobsOptions>() ?? new JobsOptions();
        var modules = app.Services.GetServices<ModuleSchedule>().ToList();
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(Jobs));
        app.Services.UseScheduler(scheduler =>
        {
            if (jobs.Outbox)
            {
                scheduler.Schedule<OutboxDispatcher>().EverySeconds(Math.Max(1, jobs.OutboxSeconds)).PreventOverlapping(nameof(OutboxDispatcher));
            }

            foreach (var module in modules)
            {
                module.Schedule(scheduler, jobs);
            }
        }).OnError(error => log.LogError(error, "A scheduled job failed"));
    }
}
