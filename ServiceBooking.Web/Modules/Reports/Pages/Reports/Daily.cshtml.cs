using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using ServiceBooking.Domain.Common;
using ServiceBooking.Domain.Reports;
using ServiceBooking.Web.Platform.Data;
using ServiceBooking.Web.Platform.Localization;
using ServiceBooking.Web.Platform.Validation;

namespace ServiceBooking.Web.Modules.Reports.Pages.Reports;

/// <summary>
/// The kept XLSX reports: the daily ones (newest first, downloadable, kept for good) and those made by hand for a period
/// (made here, downloadable, deleted here).
/// </summary>
public sealed class Daily(ReportArchive archive, UserManager<ApplicationUser> users, IStringLocalizer<SharedResource> text) : PageModel
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static readonly Dictionary<string, string> Fields = new() { ["Report.Period"] = "Input.From", ["Report.PeriodTooLong"] = "Input.To" };

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    [BindProperty(SupportsGet = true, Name = "mp")]
    public int ManualPageNumber { get; set; } = 1;

    [BindProperty]
    public MakeInput Input { get; set; } = new();

    public StoredReportPage DailyReports { get; private set; } = default!;

    public StoredReportPage ManualReports { get; private set; } = default!;

    [TempData]
    public string? StatusMessage { get; set; }

    public sealed class MakeInput
    {
        [Display(Name = "Reports.Field.From")]
        public DateOnly? From { get; set; }

        [Display(Name = "Reports.Field.To")]
        public DateOnly? To { get; set; }
    }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnGetFileAsync(int id, CancellationToken cancellationToken) =>
        await archive.FileAsync(id, cancellationToken) is { } file ? File(file.Content, ContentType, file.FileName) : NotFound();

    public async Task<IActionResult> OnPostMakeAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            try
            {
                var period = ReportPeriod.Custom(Input.From, Input.To);
                await archive.MakeManualAsync(period, users.GetUserId(User)!, CultureInfo.CurrentUICulture, cancellationToken);
                StatusMessage = text["Reports.Stored.Made", period.From.Day(), period.To.Day()];
                return RedirectToPage();
            }
            catch (DomainException error)
            {
                ModelState.AddDomainError(error, text, Fields);
            }
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken cancellationToken)
    {
        try
        {
            StatusMessage = text[await archive.DeleteAsync(id, cancellationToken) ? "Reports.Stored.Deleted" : "Reports.Stored.AlreadyDeleted"];
        }
        catch (DomainException error)
        {
            StatusMessage = text.Message(error);
        }

        return RedirectToPage(new { mp = ManualPageNumber });
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        DailyReports = await archive.ListAsync(StoredReportKind.Daily, PageNumber, cancellationToken);
        ManualReports = await archive.ListAsync(StoredReportKind.Manual, ManualPageNumber, cancellationToken);
    }
}
