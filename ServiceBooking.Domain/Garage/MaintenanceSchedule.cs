namespace ServiceBooking.Domain.Garage;

/// <summary>
/// When a car is due the yearly maintenance reminder (PRODUCT.md section F): a year after its sale date or its last
/// maintenance visit, whichever is later, and again on each anniversary of it; never while a visit is booked.
/// </summary>
public static class MaintenanceSchedule
{
    /// <summary>What the year is counted from: the last maintenance visit, or the sale when there was none since.</summary>
    public static DateOnly Since(DateOnly saleDate, DateOnly? lastMaintenanceVisit) =>
        lastMaintenanceVisit is { } visit && visit > saleDate ? visit : saleDate;

    /// <summary>The latest day a car's <see cref="Since"/> may be and still be due today (a year ago).</summary>
    public static DateOnly DueIfSinceOnOrBefore(DateOnly today) => today.AddYears(-1);

    /// <summary>The anniversary the reminder is for (which makes it once per anniversary), or null when it is not due.</summary>
    public static DateOnly? Due(DateOnly since, DateOnly today, bool visitBooked) =>
        visitBooked || since > DueIfSinceOnOrBefore(today) ? null : LastAnniversary(since, today);

    /// <summary>The latest anniversary of <paramref name="since"/> (one year or more after it) that is not after today.</summary>
    public static DateOnly LastAnniversary(DateOnly since, DateOnly today)
    {
        var years = today.Year - since.Year;
        var anniversary = since.AddYears(years);
        return anniversary > today ? since.AddYears(years - 1) : anniversary;
    }
}
