using ServiceBooking.Domain.Common;

namespace ServiceBooking.Domain.Reports;

/// <summary>The periods the reports page offers; <see cref="Custom"/> takes its own first and last day.</summary>
public enum PeriodKind
{
    Today,
    Week,
    Month,
    Year,
    Custom,
}

/// <summary>
/// The days a report covers, first and last included, as local dates of the workshop. A week runs Monday to Sunday, a
/// month and a year are the calendar's; a custom period is at most <see cref="LongestDays"/> days.
/// </summary>
public sealed record ReportPeriod
{
    public const int LongestDays = 731;

    private ReportPeriod(PeriodKind kind, DateOnly from, DateOnly to) => (Kind, From, To) = (kind, from, to);

    public PeriodKind Kind { get; }

    public DateOnly From { get; }

    public DateOnly To { get; }

    public int Days => To.DayNumber - From.DayNumber + 1;

    /// <summary>The day after the last: the period is the days from <see cref="From"/> up to, not including, this one.</summary>
    public DateOnly End => To.AddDays(1);

    public static ReportPeriod Of(PeriodKind kind, DateOnly today) => kind switch
    {
        PeriodKind.Today => new(kind, today, today),
        PeriodKind.Week => Week(today),
        PeriodKind.Month => new(kind, new DateOnly(today.Year, today.Month, 1), new DateOnly(today.Year, today.Month, DateTime.DaysInMonth(today.Year, today.Month))),
        PeriodKind.Year => new(kind, new DateOnly(today.Year, 1, 1), new DateOnly(today.Year, 12, 31)),
        _ => throw new DomainException("Report.PeriodKind"),
    };

    /// <summary>A period of the manager's choosing: both days given, the first not after the last, not too long.</summary>
    public static ReportPeriod Custom(DateOnly? from, DateOnly? to)
    {
        if (from is null || to is null)
        {
            throw new DomainException("Report.PeriodDays");
        }

        if (from > to)
        {
            throw new DomainException("Report.PeriodBackwards");
        }

        if (to.Value.DayNumber - from.Value.DayNumber + 1 > LongestDays)
        {
            throw new DomainException("Report.PeriodTooLong", LongestDays);
        }

        return new ReportPeriod(PeriodKind.Custom, from.Value, to.Value);
    }

    /// <summary>One day, as the daily report has it.</summary>
    public static ReportPeriod Day(DateOnly day) => new(PeriodKind.Custom, day, day);

    private static ReportPeriod Week(DateOnly today)
    {
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        return new ReportPeriod(PeriodKind.Week, monday, monday.AddDays(6));
    }
}
