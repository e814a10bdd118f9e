using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServiceBooking.Domain.Reports;
using ServiceBooking.Tests.Bookings;
using ServiceBooking.Tests.Infrastructure;
using ServiceBooking.Web.Modules.Reports;

namespace ServiceBooking.Tests.Reports;

/// <summary>The daily job: yesterday's report from the configured time, once, however often and on however many hosts it runs.</summary>
public sealed class DailyReportJobTests(BookingFixture fixture) : ReportsTest(fixture)
{
    private Task<List<StoredReport>> DailyAsync() => DbAsync(db => db.StoredReports.AsNoTracking().Where(r => r.Kind == StoredReportKind.Daily).ToListAsync());

    private static async Task<int> RunAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DailyReportJob>().MakeDueAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Before_the_configured_time_nothing_is_made_and_after_it_yesterdays_report_is_made_once()
    {
        await KnownDayAsync();
        Fixture.Clock.SetUtcNow(At(2, 5, 59)); // 05:59 on 2 December: the job's time (06:00) has not come
        Assert.Equal(0, await RunAsync(Fixture.Site.Services));
        Assert.Empty(await DailyAsync());

        Fixture.Clock.SetUtcNow(At(2, 6, 0));
        Assert.Equal(1, await RunAsync(Fixture.Site.Services));
        Assert.Equal(0, await RunAsync(Fixture.Site.Services));
        Fixture.Clock.SetUtcNow(At(2, 23, 45));
        Assert.Equal(0, await RunAsync(Fixture.Site.Services));

        var report = Assert.Single(await DailyAsync());
        Assert.Equal((Today, Today, (string?)null), (report.From, report.To, report.CreatedById));
        Assert.True(report.Size > 1000);
    }

    [Fact]
    public async Task Two_hosts_running_the_job_at_once_again_and_again_keep_one_report_of_the_day()
    {
        await KnownDayAsync();
        Fixture.Clock.SetUtcNow(At(2, 7, 0));
        await using var second = new SiteFactory(Fixture.ConnectionString, Smtp);
        second.Settings["Jobs:Outbox"] = "false";
        second.Settings["ServiceCentre:TimeZone"] = "Europe/Moscow";
        second.ConfigureTestServices = services => services.AddSingleton<TimeProvider>(Fixture.Clock);
        _ = second.Server;

        var made = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => RunAsync(i % 2 == 0 ? Fixture.Site.Services : second.Services)));

        Assert.Equal(1, made.Sum());
        var report = Assert.Single(await DailyAsync());
        Assert.Equal(Today, report.From);
        // the next day the next report; the first stays as it was
        Fixture.Clock.SetUtcNow(At(2, 7, 0).AddDays(1));
        Assert.Equal(1, await RunAsync(second.Services));
        Assert.Equal([Today, Today.AddDays(1)], (await DailyAsync()).Select(r => r.From).Order());
    }

    [Fact]
    public async Task A_daily_report_cannot_be_deleted_and_a_hand_made_one_can()
    {
        await KnownDayAsync();
        var manager = await StaffAsync("boss", ServiceBooking.Web.Platform.Data.Roles.Manager);
        Assert.True(await ServiceAsync<ReportArchive, bool>(archive => archive.MakeDailyAsync(Today, CancellationToken.None)));
        var daily = Assert.Single(await DailyAsync()).Id;
        var manual = await ServiceAsync<ReportArchive, int>(archive => archive.MakeManualAsync(ReportPeriod.Day(Today), manager, System.Globalization.CultureInfo.GetCultureInfo("ru-RU"), CancellationToken.None));

        var refused = await Assert.ThrowsAsync<ServiceBooking.Domain.Common.DomainException>(() =>
            ServiceAsync<ReportArchive, bool>(archive => archive.DeleteAsync(daily, CancellationToken.None)));
        Assert.Equal("Report.DailyKept", refused.Code);
        Assert.True(await ServiceAsync<ReportArchive, bool>(archive => archive.DeleteAsync(manual, CancellationToken.None)));
        Assert.False(await ServiceAsync<ReportArchive, bool>(archive => archive.DeleteAsync(manual, CancellationToken.None)));
        Assert.Equal([daily], await DbAsync(db => db.StoredReports.Select(r => r.Id).ToListAsync()));
    }
}
