using ServiceBooking.Domain.Common;

namespace ServiceBooking.Domain.Reports;

public enum StoredReportKind
{
    /// <summary>Made by the daily job for the day before; one per day, kept.</summary>
    Daily,

    /// <summary>Made by a manager for a period of their choosing; kept until deleted.</summary>
    Manual,
}

/// <summary>
/// A report kept as its XLSX workbook, in the database so every instance serves the same history. The daily ones are
/// the record of the day and cannot be deleted; the ones made by hand can.
/// </summary>
public sealed class StoredReport : Entity
{
    private StoredReport()
    {
    }

    public StoredReportKind Kind { get; private set; }

    public DateOnly From { get; private set; }

    public DateOnly To { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Who made it; none for the daily job.</summary>
    public string? CreatedById { get; private set; }

    public byte[] Content { get; private set; } = [];

    public int Size { get; private set; }

    public bool CanDelete => Kind == StoredReportKind.Manual;

    public static StoredReport Daily(DateOnly day, byte[] content, DateTimeOffset now) => Make(StoredReportKind.Daily, ReportPeriod.Day(day), null, content, now);

    public static StoredReport Manual(ReportPeriod period, string createdById, byte[] content, DateTimeOffset now) =>
        Make(StoredReportKind.Manual, period, createdById, content, now);

    /// <summary>The file's name: <c>report-2026-12-01.xlsx</c>, or <c>report-2026-11-01-2026-11-30.xlsx</c> for a period.</summary>
    public string FileName => FileNameOf(From, To);

    public static string FileNameOf(DateOnly from, DateOnly to) =>
        from == to ? $"report-{from:yyyy-MM-dd}.xlsx" : $"report-{from:yyyy-MM-dd}-{to:yyyy-MM-dd}.xlsx";

    /// <summary>Only a report made by hand may be deleted; a daily one is the record of its day.</summary>
    public static void EnsureDeletable(StoredReportKind kind)
    {
        if (kind != StoredReportKind.Manual)
        {
            throw new DomainException("Report.DailyKept");
        }
    }

    private static StoredReport Make(StoredReportKind kind, ReportPeriod period, string? createdById, byte[] content, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrEmpty(kind == StoredReportKind.Manual ? createdById : "job");
        if (content.Length == 0)
        {
            throw new DomainException("Report.Empty");
        }

        return new StoredReport
        {
            Kind = kind, From = period.From, To = period.To, CreatedById = createdById, Content = content, Size = content.Length, CreatedAt = now,
        };
    }
}
