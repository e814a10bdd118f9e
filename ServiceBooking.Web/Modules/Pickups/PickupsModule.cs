using Microsoft.AspNetCore.Mvc.RazorPages;
using ServiceBooking.Domain.Pickups;
using ServiceBooking.Web.Modules.Pickups.Invoices;
using ServiceBooking.Web.Platform.Admin;
using ServiceBooking.Web.Platform.Audit;
using ServiceBooking.Web.Platform.Hosting;
using ServiceBooking.Web.Platform.Live;

namespace ServiceBooking.Web.Modules.Pickups;

/// <summary>
/// Pick-up and delivery (PRODUCT.md section H; seeds 000 and 003): districts (the Admin's), drivers and the districts
/// they serve (managers'), the clients' requests to have a car collected, the desk's table, the manager's proposal and
/// the client's answer by a signed link, the dispatch to a free driver of the district, the driver's page and the
/// invoice. Every change of a request, a district or a driver's profile is in the audit trail; the desk's table and
/// the driver's page are live (<see cref="PickupStreams"/>).
/// </summary>
public static class PickupsModule
{
    public static WebApplicationBuilder AddPickups(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddAudited<District>();
        services.AddAudited<Driver>();
        services.AddAudited<PickupRequest>();
        // This instance's own saves, told to its streams at commit (the triggers tell every instance).
        services.AddSingleton(new LiveEntityTopics(typeof(PickupRequest), _ => [LiveTopics.Pickups]));
        services.AddSingleton(new LiveEntityTopics(typeof(Driver), _ => [LiveTopics.Pickups]));
        services.AddAdminEntries<DistrictKind, District, DistrictDraft, NoChoices>();
        services.AddScoped<PickupDispatcher>();
        services.AddScoped<PickupRequests>();
        services.AddScoped<PickupEmails>();
        services.AddScoped<PickupInvoices>();
        services.AddScoped<DriverJobs>();
        services.AddScoped<DriverDirectory>();
        services.AddSingleton<AnswerTokens>();
        // After the accounts' task (registered first): the demo driver exists when the demo districts are given to them.
        services.AddScoped<IStartupTask, PickupsStartup>();
        services.AddTransient<DispatchSweepJob>();
        services.AddSingleton(new NamedJob(DispatchSweepJob.Name, (provider, token) => provider.GetRequiredService<DispatchSweepJob>().SweepAsync(token)));
        services.AddSingleton(new ModuleSchedule((scheduler, jobs) =>
        {
            if (jobs.Pickups)
            {
                scheduler.Schedule<DispatchSweepJob>().EveryMinute().PreventOverlapping(nameof(DispatchSweepJob));
            }
        }));
        services.AddInvoices(builder.Configuration);
        services.AddSingleton(new ModuleCommand(AnswerLinks.Command, AnswerLinks.PrintAsync));
        services.Configure<RazorPagesOptions>(options =>
        {
            options.Conventions.AuthorizeFolder(ModulePages.Folder("Pickups", "/Admin"), Policies.Admin);
            options.Conventions.AuthorizeFolder(ModulePages.Folder("Pickups", "/Manager"), Policies.Staff);
            options.Conventions.AuthorizeFolder(ModulePages.Folder("Pickups", "/Driver"), Policies.Drivers);
            options.Conventions.AuthorizeFolder(ModulePages.Folder("Pickups", "/Pickup"));
            // The proposal email's links work without signing in: the signed token is the permission.
            options.Conventions.AllowAnonymousToPage(ModulePages.Folder("Pickups", "/Pickup/Answer"));
        });
        return builder;
    }

    public static WebApplication MapPickups(this WebApplication app)
    {
        app.MapPickupStreams();
        return app;
    }
}
