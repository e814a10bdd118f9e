using ServiceBooking.Domain.Common;
using ServiceBooking.Domain.Reports;

namespace ServiceBooking.Tests.Reports.Domain;

public sealed class ReportPeriodTests
{
    private static readonly DateOnly Wednesday = new(2026, 12, 2);

    [Theory]
    [InlineData(PeriodKind.Today, "2026-12-02", "2026-12-02", 1)]
    [InlineData(PeriodKind.Week, "2026-11-30", "2026-12-06", 7)]
    [InlineData(PeriodKind.Month, "2026-12-01", "2026-12-31", 31)]
    [InlineData(PeriodKind.Year, "2026-01-01", "2026-12-31", 365)]
    public void A_named_period_covers_the_calendars_days_around_today(PeriodKind kind, string from, string to, int days)
    {
        var period = ReportPeriod.Of(kind, Wednesday);

        Assert.Equal((DateOnly.Parse(from), DateOnly.Parse(to), days), (period.From, period.To, period.Days));
        Assert.Equal(period.To.AddDays(1), period.End);
    }

    [Theory]
    [InlineData("2026-11-30")] // Monday: its own week
    [InlineData("2026-12-06")] // Sunday: the week that began on Monday
    public void A_week_runs_monday_to_sunday(string day)
    {
        var week = ReportPeriod.Of(PeriodKind.Week, DateOnly.Parse(day));

        Assert.Equal((new DateOnly(2026, 11, 30), new DateOnly(2026, 12, 6)), (week.From, week.To));
    }

    [Fact]
    public void February_of_a_leap_year_has_twenty_nine_days()
    {
        Assert.Equal(29, ReportPeriod.Of(PeriodKind.Month, new DateOnly(2028, 2, 10)).Days);
    }

    [Fact]
    public void A_custom_period_needs_both_days_in_order_and_at_most_two_years()
    {
        Assert.Equal("Report.PeriodDays", Assert.Throws<DomainException>(() => ReportPeriod.Custom(Wednesday, null)).Code);
        Assert.Equal("Report.PeriodBackwards", Assert.Throws<DomainException>(() => ReportPeriod.Custom(Wednesday, Wednesday.AddDays(-1))).Code);
        var tooLong = Assert.Throws<DomainException>(() => ReportPeriod.Custom(Wednesday, Wednesday.AddDays(ReportPeriod.LongestDays)));
        Assert.Equal(("Report.PeriodTooLong", ReportPeriod.LongestDays), (tooLong.Code, (int)tooLong.Arguments[0]));
        Assert.Equal(ReportPeriod.LongestDays, ReportPeriod.Custom(Wednesday, Wednesday.AddDays(ReportPeriod.LongestDays - 1)).Days);
        Assert.Equal(1, ReportPeriod.Custom(Wednesday, Wednesday).Days);
    }

    [Fact]
    public void Custom_is_not_a_named_period()
    {
        Assert.Equal("Report.PeriodKind", Assert.Throws<DomainException>(() => ReportPeriod.Of(PeriodKind.Custom, Wednesday)).Code);
    }
}
