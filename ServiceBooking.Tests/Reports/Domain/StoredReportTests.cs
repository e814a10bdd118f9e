using ServiceBooking.Domain.Common;
using ServiceBooking.Domain.Reports;

namespace ServiceBooking.Tests.Reports.Domain;

public sealed class StoredReportTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 3, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_daily_report_is_of_one_day_by_nobody_and_is_kept()
    {
        var report = StoredReport.Daily(new DateOnly(2026, 12, 1), [1, 2, 3], Now);

        Assert.Equal((StoredReportKind.Daily, new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 1), (string?)null, 3), (report.Kind, report.From, report.To, report.CreatedById, report.Size));
        Assert.Equal("report-2026-12-01.xlsx", report.FileName);
        Assert.False(report.CanDelete);
        Assert.Equal("Report.DailyKept", Assert.Throws<DomainException>(() => StoredReport.EnsureDeletable(report.Kind)).Code);
    }

    [Fact]
    public void A_report_made_by_hand_names_its_maker_and_period_and_may_be_deleted()
    {
        var report = StoredReport.Manual(ReportPeriod.Custom(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30)), "manager-id", [1], Now);

        Assert.Equal(("manager-id", "report-2026-11-01-2026-11-30.xlsx"), (report.CreatedById, report.FileName));
        Assert.True(report.CanDelete);
        StoredReport.EnsureDeletable(report.Kind);
    }

    [Fact]
    public void A_report_without_content_or_a_hand_made_one_without_its_maker_is_refused()
    {
        Assert.Equal("Report.Empty", Assert.Throws<DomainException>(() => StoredReport.Daily(new DateOnly(2026, 12, 1), [], Now)).Code);
        Assert.Throws<ArgumentException>(() => StoredReport.Manual(ReportPeriod.Day(new DateOnly(2026, 12, 1)), "", [1], Now));
    }
}
