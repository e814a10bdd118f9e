namespace ServiceBooking.Web.Modules.Bookings;

/// <summary>Configuration section <c>Reminders</c>: when the automatic emails go, in the service centre's local time.</summary>
public sealed class ReminderOptions
{
    public const string Section = "Reminders";

    /// <summary>The day before a visit, from this time on, its reminder is queued.</summary>
    public TimeOnly DayBeforeAt { get; set; } = new(18, 0);

    /// <summary>Yearly maintenance reminders are queued each day from this time on.</summary>
    public TimeOnly MaintenanceAt { get; set; } = new(10, 0);

    /// <summary>How many bookings or cars a job handles per round (and holds in memory).</summary>
    public int BatchSize { get; set; } = 500;
}
