namespace ServiceBooking.Domain.Pickups;

/// <summary>A job the driver finished: given at, done at.</summary>
public sealed record FinishedJob(DateTimeOffset AssignedAt, DateTimeOffset CompletedAt);

/// <summary>
/// The driver card's figures (PRODUCT.md section H): jobs completed; the average completion time, from being given the
/// job to marking it done; and the average completed jobs per day worked, a day worked being a local date on which the
/// driver held a job at any moment (a job from 23:00 to 01:00 works two days).
/// </summary>
public sealed record DriverStats(int Completed, TimeSpan? AverageCompletion, decimal? PerDayWorked, int DaysWorked)
{
    public static DriverStats Of(IEnumerable<FinishedJob> jobs, TimeZoneInfo zone)
    {
        var done = jobs.Where(j => j.CompletedAt >= j.AssignedAt).ToList();
        if (done.Count == 0)
        {
            return new DriverStats(0, null, null, 0);
        }

        var average = TimeSpan.FromTicks((long)done.Average(j => (j.CompletedAt - j.AssignedAt).Ticks));
        var days = new HashSet<DateOnly>();
        foreach (var job in done)
        {
            var first = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(job.AssignedAt, zone).DateTime);
            var last = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(job.CompletedAt, zone).DateTime);
            for (var day = first; day <= last; day = day.AddDays(1))
            {
                days.Add(day);
            }
        }

        return new DriverStats(done.Count, average, decimal.Round((decimal)done.Count / days.Count, 2), days.Count);
    }
}
