using ServiceBooking.Domain.Bookings;
using ServiceBooking.Web.Platform.Admin;

namespace ServiceBooking.Web.Modules.Bookings.Scheduling;

public static class SchedulingServices
{
    /// <summary>The working calendar the Admin keeps: service advisors (an entry kind of the Admin's) and days off.</summary>
    public static IServiceCollection AddScheduling(this IServiceCollection services)
    {
        services.AddAdminEntries<AdvisorKind, ServiceAdvisor, AdvisorDraft, NoChoices>();
        services.AddScoped<WorkingCalendar>();
        return services;
    }
}
