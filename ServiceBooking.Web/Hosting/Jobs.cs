using Coravel;
using ServiceBooking.Web.Email.Outbox;

namespace ServiceBooking.Web.Hosting;

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
}

/// <summary>
/// The scheduled work, on Coravel. Every job is safe to run twice and on several instances at once (claims and unique
/// keys in the database); overlapping runs in one instance are prevented as well.
/// </summary>
public static class Jobs
{
    public static void AddJobs(this IServiceCollection services)
    {
        services.AddOptions<JobsOptions>().BindConfiguration(JobsOptions.Section);
        services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScheduler();
        services.AddScoped<OutboxWriter>();
        services.AddTransient<OutboxDispatcher>();
        services.AddOptions<Bookings.ReminderOptions>().BindConfiguration(Bookings.ReminderOptions.Section);
        services.AddTransient<Bookings.ReminderJob>();
        services.AddTransient<Bookings.MaintenanceJob>();
        services.AddTransient<Campaigns.CampaignJob>();
        services.AddSingleton<Campaigns.UnsubscribeTokens>();
    }

    public static void UseJobs(this WebApplication app)
    {
        var jobs = app.Configuration.GetSection(JobsOptions.Section).Get<JobsOptions>() ?? new JobsOptions();
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(Jobs));
        app.Services.UseScheduler(scheduler =>
        {
            if (jobs.Outbox)
            {
                scheduler.Schedule<OutboxDispatcher>().EverySeconds(Math.Max(1, jobs.OutboxSeconds)).PreventOverlapping(nameof(OutboxDispatcher));
            }

            if (jobs.Reminders)
            {
                // Each checks the service centre's own clock, so running every minute sends each reminder on time, once.
                scheduler.Schedule<Bookings.ReminderJob>().EveryMinute().PreventOverlapping(nameof(Bookings.ReminderJob));
                scheduler.Schedule<Bookings.MaintenanceJob>().EveryFifteenMinutes().PreventOverlapping(nameof(Bookings.MaintenanceJob));
            }

            if (jobs.Campaigns)
            {
                scheduler.Schedule<Campaigns.CampaignJob>().EveryFiveSeconds().PreventOverlapping(nameof(Campaigns.CampaignJob));
            }
        }).OnError(error => log.LogError(error, "A scheduled job failed"));
    }
}
