using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ServiceBooking.Domain.Reports;
using ServiceBooking.Web.Modules.Reports.Data;
using ServiceBooking.Web.Platform.Data;
using ServiceBooking.Web.Platform.Localization;

namespace ServiceBooking.Web.Modules.Reports;

/// <summary>A kept report as the lists show it (without its file).</summary>
public sealed record StoredReportRow(int Id, StoredReportKind Kind, DateOnly From, DateOnly To, DateTimeOffset CreatedAt, string? CreatedBy, int Size, string FileName);

public sealed record StoredReportPage(IReadOnlyList<StoredReportRow> Rows, int PageNumber, int PageCount);

/// <summary>
/// The kept reports, in the database so every instance serves the same history: the daily one (one per day, the unique
/// index deciding between instances that make it at once) and the ones made by hand, kept until deleted.
/// </summary>
public sealed class ReportArchive(ApplicationDbContext db, ReportWorkbook workbook, ReportSummaries summaries, TimeProvider time)
{
    public const int PageSize = 30;

    /// <summary>Makes the daily report of <paramref name="day"/> unless it exists; false when it already did (or another made it meanwhile).</summary>
    public async Task<bool> MakeDailyAsync(DateOnly day, CancellationToken cancellationToken)
    {
        if (await db.StoredReports.AnyAsync(r => r.Kind == StoredReportKind.Daily && r.From == day, cancellationToken))
        {
            return false;
        }

        var content = await workbook.BuildAsync(summaries.Range(ReportPeriod.Day(day)), Cultures.Get(Cultures.Default), cancellationToken);
        db.StoredReports.Add(StoredReport.Daily(day, content, time.GetUtcNow()));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException error) when (UniqueViolation.Constraint(error) == StoredReportConfiguration.OneDailyPerDay)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    /// <summary>Makes and keeps a report of <paramref name="period"/>, in the maker's language.</summary>
    public async Task<int> MakeManualAsync(ReportPeriod period, string userId, CultureInfo culture, CancellationToken cancellationToken)
    {
        var content = await workbook.BuildAsync(summaries.Range(period), culture, cancellationToken);
        var report = StoredReport.Manual(period, userId, content, time.GetUtcNow());
        db.StoredReports.Add(report);
        await db.SaveChangesAsync(cancellationToken);
        return report.Id;
    }

    public async Task<StoredReportPage> ListAsync(StoredReportKind kind, int pageNumber, CancellationToken cancellationToken)
    {
        var reports = db.StoredReports.AsNoTracking().Where(r => r.Kind == kind);
        var total = await reports.CountAsync(cancellationToken);
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        var page = Math.Clamp(pageNumber, 1, pageCount);
        var rows = await reports
            .OrderByDescending(r => kind == StoredReportKind.Daily ? r.From : default).ThenByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(r => new
            {
                r.Id, r.Kind, r.From, r.To, r.CreatedAt, r.Size,
                By = db.Users.Where(u => u.Id == r.CreatedById).Select(u => u.LastName + " " + u.FirstName).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return new StoredReportPage(
            rows.Select(r => new StoredReportRow(r.Id, r.Kind, r.From, r.To, r.CreatedAt, r.By, r.Size, StoredReport.FileNameOf(r.From, r.To))).ToList(), page, pageCount);
    }

    /// <summary>The workbook of a kept report; null for an unknown id.</summary>
    public async Task<(byte[] Content, string FileName)?> FileAsync(int id, CancellationToken cancellationToken)
    {
        var report = await db.StoredReports.AsNoTracking().Where(r => r.Id == id)
            .Select(r => new { r.Content, r.From, r.To }).SingleOrDefaultAsync(cancellationToken);
        return report is null ? null : (report.Content, StoredReport.FileNameOf(report.From, report.To));
    }

    /// <summary>
    /// Deletes a report made by hand; false when there is none by that id (deleted already, by a second click or by
    /// another manager: the outcome asked for). A daily report is refused: it is the day's record.
    /// </summary>
    public async Task<bool> DeleteAsync(int id, CancellationToken cancellationToken)
    {
        var kind = await db.StoredReports.Where(r => r.Id == id).Select(r => (StoredReportKind?)r.Kind).SingleOrDefaultAsync(cancellationToken);
        if (kind is not { } found)
        {
            return false;
        }

        StoredReport.EnsureDeletable(found);
        return await db.StoredReports.Where(r => r.Id == id).ExecuteDeleteAsync(cancellationToken) > 0;
    }
}
