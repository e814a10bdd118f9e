using Microsoft.Extensions.Options;
using ServiceBooking.Web.Platform;
using ServiceBooking.Web.Platform.Hosting;

namespace ServiceBooking.Web.Modules.Reports;

/// <summary>
/// From <see cref="ReportsOptions.DailyAt"/> (the workshop's time) the report of the day before is made and kept, once:
/// the job runs every quarter of an hour on every instance, finds the day's report made and does nothing, so a restart
/// or a second instance neither skips nor doubles a day.
/// </summary>
public sealed class DailyReportJob(ReportArchive archive, WorkshopClock clock, IOptions<ReportsOptions> options) : ScheduledJob(Name)
{
    public const string Name = "reports-daily";

    protected override Task RunAsync(CancellationToken cancellationToken) => MakeDueAsync(cancellationToken);

    /// <summary>Makes yesterday's report when it is due and missing; returns 1 when it made it.</summary>
    public async Task<int> MakeDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.LocalNow;
        if (TimeOnly.FromDateTime(now) < options.Value.DailyAt)
        {
            return 0;
        }

        return await archive.MakeDailyAsync(DateOnly.FromDateTime(now).AddDays(-1), cancellationToken) ? 1 : 0;
    }
}
