using Microsoft.Extensions.Options;
using ServiceBooking.Web.Hosting;

namespace ServiceBooking.Web.Scheduling;

/// <summary>The service centre's wall clock: "now" and "today" in its time zone (configuration <c>ServiceCentre:TimeZone</c>).</summary>
public sealed class WorkshopClock(TimeProvider clock, IOptions<ServiceCentreOptions> options)
{
    public TimeZoneInfo Zone => options.Value.Zone;

    public DateTime LocalNow => TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Zone).DateTime;

    public DateOnly Today => DateOnly.FromDateTime(LocalNow);

    /// <summary>The instant a local wall-clock time of the workshop happens (the earlier one when the clock goes back).</summary>
    public DateTimeOffset ToInstant(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        if (Zone.IsInvalidTime(local))
        {
            // A time skipped by a clock change ("spring forward"): the moment the clock jumps to.
            local = local.AddHours(1);
        }

        var offset = Zone.IsAmbiguousTime(local) ? Zone.GetAmbiguousTimeOffsets(local).Max() : Zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }
}
