using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using ServiceBooking.Domain.Bookings;
using ServiceBooking.Web.Modules.Bookings.Scheduling;
using ServiceBooking.Web.Platform.Audit;
using ServiceBooking.Web.Platform.Hosting;
using ServiceBooking.Web.Platform.Live;

namespace ServiceBooking.Web.Modules.Bookings;

/// <summary>
/// Booking (PRODUCT.md sections D and E): the client's calendar and day grid, the manager's desk, the working calendar
/// (service advisors and days off, Admin), the booking emails and the reminder jobs; the grids' live streams.
/// </summary>
public static class BookingsModule
{
    public static WebApplicationBuilder AddBookings(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<BookingOptions>().BindConfiguration(BookingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ReminderOptions>().BindConfiguration(ReminderOptions.Section);
        services.AddAudited<Booking>();
        services.AddSingleton<CalendarFacts>();
        services.AddSingleton<DayGridCache>();
        services.AddSingleton<GridRenderer>();
        services.AddSingleton<LiveFrames>();
        services.AddScoped<LiveGrids>();
        // What this instance's own saves change, told to its caches at commit (the triggers tell every instance).
        services.AddSingleton(new LiveEntityTopics(typeof(Booking), entry => Days(entry)));
        services.AddSingleton(new LiveEntityTopics(typeof(DayOff), entry => [LiveTopics.Calendar, .. Days(entry)]));
        services.AddSingleton(new LiveEntityTopics(typeof(ServiceAdvisor), _ => [LiveTopics.Calendar]));
        services.AddScoped<BookingCalendar>();
        services.AddScoped<BookingDesk>();
        services.AddScoped<BookingHistory>();
        services.AddScoped<ClientBookings>();
        services.AddScoped<DeskClients>();
        services.AddScoped<BookingEmails>();
        services.AddScheduling();
        services.AddTransient<ReminderJob>();
        services.AddTransient<MaintenanceJob>();
        services.AddSingleton(new NamedJob(ReminderJob.Name, (provider, token) => provider.GetRequiredService<ReminderJob>().QueueDayBeforeAsync(token)));
        services.AddSingleton(new NamedJob(MaintenanceJob.Name, (provider, token) => provider.GetRequiredService<MaintenanceJob>().QueueDueAsync(token)));
        services.AddSingleton(new ModuleSchedule((scheduler, jobs) =>
        {
            if (jobs.Reminders)
            {
                // Each checks the service centre's own clock, so running every minute sends each reminder on time, once.
                scheduler.Schedule<ReminderJob>().EveryMinute().PreventOverlapping(nameof(ReminderJob));
                scheduler.Schedule<MaintenanceJob>().EveryFifteenMinutes().PreventOverlapping(nameof(MaintenanceJob));
            }
        }));
        services.Configure<RazorPagesOptions>(options =>
        {
            options.Conventions.AuthorizeFolder(ModulePages.Folder("Bookings", "/Booking"));
            options.Conventions.AuthorizeFolder(ModulePages.Folder("Bookings", "/Manager"), Policies.Staff);
            options.Conventions.AuthorizeFolder(ModulePages.Folder("Bookings", "/Admin"), Policies.Admin);
        });
        return builder;
    }

    public static WebApplication MapBookings(this WebApplication app)
    {
        app.MapLiveGrids();
        return app;
    }

    /// <summary>The day an entity is on, and the day it was on before this save.</summary>
    private static IEnumerable<string> Days(EntityEntry entry)
    {
        var date = entry.Property(nameof(Booking.Date));
        yield return LiveTopics.Day((DateOnly)date.CurrentValue!);
        if (entry.State == Microsoft.EntityFrameworkCore.EntityState.Modified && date.OriginalValue is DateOnly before && before != (DateOnly)date.CurrentValue!)
        {
            yield return LiveTopics.Day(before);
        }
    }
}
