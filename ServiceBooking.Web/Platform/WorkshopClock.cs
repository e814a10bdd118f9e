using Microsoft.Extensions.Options;
using ServiceBooking.Web.Platform.Hosting;

namespace ServiceBooking.Web.Platform;

/// <summary>The service centre's wall clock: "now" and "today" in its time zone (configuration <c>ServiceCentre:TimeZone</c>).</summary>
public sealed class WorkshopClock(TimeProvider clock, IOptions<ServiceCentreOptions> options)
{
    public TimeZoneInfo Zone => options.Value.Zone;

    public DateTime LocalNow => TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Zone).DateTime;

    public DateOnly Today => DateOnly.FromDateTime(LocalNow);

    /// <summary>An instant on the workshop's wall clock.</summary>
    public DateTime Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone).DateTime;

    /// <summary>
    /// The instant a local wall-clock time of the workshop happens. When the clock goes back and the time happens
    /// twice, the earlier one. When the clock jumps forward over it, the time is read with the offset in force before
    /// the jump, which lands it as far past the jump as it was past the start of the gap (02:15 in a 02:00→02:30 jump
    /// is 02:45), whatever the size of the jump.
    /// </summary>
    public DateTimeOffset ToInstant(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        if (Zone.IsInvalidTime(local))
        {
            var before = local;
            while (Zone.IsInvalidTime(before))
            {
                before = before.AddMinutes(-15);
            }

            return TimeZoneInfo.ConvertTime(new DateTimeOffset(local, Zone.GetUtcOffset(before)), Zone);
        }

        var offset = Zone.IsAmbiguousTime(local) ? Zone.GetAmbiguousTimeOffsets(local).Max() : Zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }
}
