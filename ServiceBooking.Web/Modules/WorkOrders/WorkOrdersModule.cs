using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ServiceBooking.Domain.WorkOrders;
using ServiceBooking.Web.Modules.Bookings;
using ServiceBooking.Web.Platform.Audit;
using ServiceBooking.Web.Platform.Hosting;
using ServiceBooking.Web.Platform.Live;

namespace ServiceBooking.Web.Modules.WorkOrders;

/// <summary>
/// Work orders (PRODUCT.md section G; seeds 001 and 004): orders opened from a booking when the car arrives or for a
/// client who calls or walks in, assigned by a supervisor to a mechanic on shift; the staff of work orders and their
/// shifts; the client blacklist, which the booking desk asks. Every change of an order, its stages, shifts and the
/// blacklist is in the audit trail, and the order page shows its history from there. The order's page and the list are
/// live (<see cref="OrderStreams"/>).
/// </summary>
public static class WorkOrdersModule
{
    public static WebApplicationBuilder AddWorkOrders(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddAudited<WorkOrder>();
        services.AddAudited<StageSubmission>();
        services.AddAudited<Shift>();
        services.AddAudited<BlacklistEntry>();
        // What this instance's own saves change, told to its streams at commit (the triggers tell every instance).
        services.AddSingleton(new LiveEntityTopics(typeof(WorkOrder), entry => entry.State == EntityState.Added
            ? [LiveTopics.Orders]
            : [LiveTopics.Order((int)entry.Property(nameof(WorkOrder.Id)).CurrentValue!), LiveTopics.Orders]));
        services.AddSingleton(new LiveEntityTopics(typeof(StageSubmission),
            entry => [LiveTopics.Order((int)entry.Property(nameof(StageSubmission.WorkOrderId)).CurrentValue!)]));
        services.AddScoped<WorkOrderService>();
        services.AddScoped<OrderStages>();
        services.AddScoped<ShopQueue>();
        services.AddOptions<OrderPhotoOptions>().BindConfiguration(OrderPhotoOptions.Section);
        services.AddSingleton<OrderPhotos>();
        services.AddScoped<OrderEmails>();
        services.AddScoped<OrderHistory>();
        services.AddScoped<StaffDirectory>();
        services.AddScoped<Shifts>();
        services.AddScoped<Blacklist>();
        // The booking desk refuses online bookings of the clients this blacklist names.
        services.AddScoped<IClientBlacklist>(provider => provider.GetRequiredService<Blacklist>());
        // "My bookings" shows the client's own orders, each beside its booking.
        services.AddScoped<IClientOrders, ClientOrders>();
        services.Configure<RazorPagesOptions>(options =>
        {
            options.Conventions.AuthorizeFolder(ModulePages.Folder("WorkOrders", "/Orders"), Policies.Workshop);
            options.Conventions.AuthorizePage(ModulePages.Folder("WorkOrders", "/Orders/New"), Policies.Intake);
            options.Conventions.AuthorizePage(ModulePages.Folder("WorkOrders", "/Orders/Assign"), Policies.Supervisors);
            options.Conventions.AuthorizePage(ModulePages.Folder("WorkOrders", "/Orders/Shift"), Policies.Shifts);
            options.Conventions.AuthorizeFolder(ModulePages.Folder("WorkOrders", "/Workshop"), Policies.ShopFloor);
            options.Conventions.AuthorizeFolder(ModulePages.Folder("WorkOrders", "/Staff"), Policies.Supervisors);
            options.Conventions.AuthorizeFolder(ModulePages.Folder("WorkOrders", "/Blacklist"), Policies.Supervisors);
        });
        return builder;
    }

    public static WebApplication MapWorkOrders(this WebApplication app)
    {
        app.MapOrderStreams();
        return app;
    }
}
