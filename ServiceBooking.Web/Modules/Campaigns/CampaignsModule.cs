using Microsoft.AspNetCore.Mvc.RazorPages;
using ServiceBooking.Domain.Campaigns;
using ServiceBooking.Web.Platform.Audit;
using ServiceBooking.Web.Platform.Hosting;

namespace ServiceBooking.Web.Modules.Campaigns;

/// <summary>Promo campaigns (PRODUCT.md section F): written and sent by managers, with a one-click unsubscribe.</summary>
public static class CampaignsModule
{
    public static WebApplicationBuilder AddCampaigns(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<CampaignService>();
        services.AddAudited<Campaign>();
        services.AddTransient<CampaignJob>();
        services.AddSingleton<UnsubscribeTokens>();
        services.AddSingleton(new NamedJob(CampaignJob.Name, async (provider, token) =>
        {
            var job = provider.GetRequiredService<CampaignJob>();
            var campaigns = 0;
            while (await job.EnqueueNextAsync(token) is not null)
            {
                campaigns++;
            }

            return campaigns;
        }));
        services.AddSingleton(new ModuleSchedule((scheduler, jobs) =>
        {
            if (jobs.Campaigns)
            {
                scheduler.Schedule<CampaignJob>().EveryFiveSeconds().PreventOverlapping(nameof(CampaignJob));
            }
        }));
        services.Configure<RazorPagesOptions>(options =>
            options.Conventions.AuthorizeFolder(ModulePages.Folder("Campaigns", "/Manager"), Policies.Staff));
        return builder;
    }
}
