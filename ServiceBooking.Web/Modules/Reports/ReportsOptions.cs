using System.ComponentModel.DataAnnotations;

namespace ServiceBooking.Web.Modules.Reports;

/// <summary>Configuration section <c>Reports</c>.</summary>
public sealed class ReportsOptions
{
    public const string Section = "Reports";

    /// <summary>The workshop's local time from which the daily job makes the report of the day before.</summary>
    public TimeOnly DailyAt { get; set; } = new(6, 0);

    /// <summary>
    /// Longest a computed summary is served again while nothing changes (the data's changes drop it at once); 0 computes
    /// every summary afresh.
    /// </summary>
    [Range(0, 3600)]
    public int SummarySeconds { get; set; } = 60;
}
