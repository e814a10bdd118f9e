using Microsoft.AspNetCore.Mvc.RazorPages;
using ServiceBooking.Web.Platform.Hosting;

namespace ServiceBooking.Web.Modules.Reports;

/// <summary>
/// Reports (PRODUCT.md section I; seeds 000 and 004): the workshop's figures for a period with charts and their tables
/// (<c>/Reports</c>), the rows behind each figure (<c>/Reports/List</c>), and the kept XLSX reports: the daily one the
/// job makes for the day before, and those made by hand (<c>/Reports/Daily</c>). Managers and the Admin.
/// </summary>
public static class ReportsModule
{
    public static WebApplicationBuilder AddReports(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ReportsOptions>().BindConfiguration(ReportsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ReportCache>();
        services.AddScoped<ReportQueries>();
        services.AddScoped<ReportSummaries>();
        services.AddScoped<ReportRows>();
        services.AddScoped<ReportWorkbook>();
        services.AddScoped<ReportArchive>();
        services.AddTransient<DailyReportJob>();
        services.AddSingleton(new NamedJob(DailyReportJob.Name, (provider, token) => provider.GetRequiredService<DailyReportJob>().MakeDueAsync(token)));
        services.AddSingleton(new ModuleSchedule((scheduler, jobs) =>
        {
            if (jobs.Reports)
            {
                scheduler.Schedule<DailyReportJob>().EveryFifteenMinutes().RunOnceAtStart().PreventOverlapping(nameof(DailyReportJob));
            }
        }));
        services.Configure<RazorPagesOptions>(options =>
            options.Conventions.AuthorizeFolder(ModulePages.Folder("Reports", "/Reports"), Policies.Staff));
        return builder;
    }
}
